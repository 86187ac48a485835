"use client";

import { useState } from "react";
import { Controller, useForm, type Resolver } from "react-hook-form";
import type { SubjectHit } from "@/lib/subjects/search";
import { createGrantAction } from "@/app/(console)/grants/_actions/grants";
import { ResourcePicker } from "@/components/resources/resource-picker";
import type { TreeNode } from "@/components/resources/tree/tree-types";
import { Field } from "@/components/ui/field";
import { DialogForm } from "@/components/forms/dialog-form";
import { ConditionBuilder } from "./condition-builder";
import { GrantEffectPanel, type GrantEffect } from "./grant-effect";
import { checkGrant, placeIssues, toGrantInput, type GrantFormValues } from "./grant-input";
import { SubjectPicker } from "./subject-picker";

export type RoleOption = { slug: string; name: string; resourceType: string | null };

type Props = {
  organizationId: string;
  root: TreeNode;
  roles: RoleOption[];
  initialResource?: TreeNode;
  initialSubject?: SubjectHit;
  onDone: () => void;
};

/**
 * Who (subject) may do what (a role, or actions) where (a resource, or a
 * pattern such as books:*), allowed or denied, under conditions. Saving
 * shows the effect: who can act on the resource now.
 */
export function GrantForm({ organizationId, root, roles, initialResource, initialSubject, onDone }: Props) {
  const [saved, setSaved] = useState<GrantEffect | null>(null);
  const resolver: Resolver<GrantFormValues> = async (values) => {
    const issues = checkGrant(values, organizationId);
    if (!issues.length) return { values, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of issues) errors[issue.field ?? "root"] ??= { type: "validation", message: issue.message };
    return { values: {}, errors: toNested(errors) };
  };
  const form = useForm<GrantFormValues>({
    resolver,
    defaultValues: {
      subject: initialSubject ?? null,
      targetKind: "resource",
      resource: initialResource ?? null,
      resourcePattern: "",
      grantKind: "role",
      role: roles[0]?.slug ?? "",
      actions: "",
      effect: "allow",
      conditions: [],
    },
  });
  const { errors } = form.formState;
  const [targetKind, grantKind, conditions] = form.watch(["targetKind", "grantKind", "conditions"]);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createGrantAction(toGrantInput(values, organizationId));
    if (result.error) {
      const placed = placeIssues(result.error.issues, values);
      for (const p of placed) if (p.field) form.setError(p.field, { type: "server", message: p.message }, { shouldFocus: true });
      const unplaced = placed.filter((p) => !p.field).map((p) => p.message);
      if (!placed.length || unplaced.length) form.setError("root.server", { type: "server", message: unplaced.join("; ") || result.error.message });
      return;
    }
    setSaved(result.data);
  });

  if (saved) {
    return (
      <div className="form">
        <GrantEffectPanel effect={saved} />
        <div className="form-actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              setSaved(null);
              form.reset();
            }}
          >
            Grant another
          </button>
          <button type="button" className="button button-primary" onClick={onDone}>
            Done
          </button>
        </div>
      </div>
    );
  }

  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit="Save grant" pending="Saving…" className="form grant-form">
      <Controller
        control={form.control}
        name="subject"
        render={({ field }) => (
          <SubjectPicker organizationId={organizationId} label="Subject" value={field.value} onChange={field.onChange} error={errors.subject?.message} hint="A user, a group, a department, or everyone holding a role." />
        )}
      />

      <fieldset className="field">
        <legend>Target</legend>
        <div className="segmented">
          <label className="checkbox">
            <input type="radio" value="resource" {...form.register("targetKind")} /> A resource and everything below it
          </label>
          <label className="checkbox">
            <input type="radio" value="pattern" {...form.register("targetKind")} /> Every resource matching a pattern
          </label>
        </div>
      </fieldset>
      {targetKind === "resource" ? (
        <Controller
          control={form.control}
          name="resource"
          render={({ field }) => <ResourcePicker organizationId={organizationId} root={root} label="Resource" value={field.value} onChange={field.onChange} error={errors.resource?.message} />}
        />
      ) : (
        <Field label="Pattern" error={errors.resourcePattern?.message} hint="Matched against external ids and type:external id, e.g. books:* or document:2026-*.">
          {(control) => <input {...control} {...form.register("resourcePattern")} className="mono" spellCheck={false} />}
        </Field>
      )}

      <fieldset className="field">
        <legend>Grants</legend>
        <div className="segmented">
          <label className="checkbox">
            <input type="radio" value="role" {...form.register("grantKind")} /> A role
          </label>
          <label className="checkbox">
            <input type="radio" value="actions" {...form.register("grantKind")} /> Actions
          </label>
        </div>
      </fieldset>
      {grantKind === "role" ? (
        <Field label="Role" error={errors.role?.message} hint={roles.length ? undefined : "No roles yet: define some in the type manager, or grant actions."}>
          {(control) => (
            <select {...control} {...form.register("role")}>
              {roles.length === 0 && <option value="">No roles</option>}
              {roles.map((r) => (
                <option key={r.slug} value={r.slug}>
                  {r.slug} — {r.name}
                  {r.resourceType ? ` (${r.resourceType} only)` : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <Field label="Actions" error={errors.actions?.message} hint="Separated by commas, e.g. read, update; * for every action.">
          {(control) => <input {...control} {...form.register("actions")} className="mono" spellCheck={false} />}
        </Field>
      )}

      <fieldset className="field">
        <legend>Effect</legend>
        <div className="segmented">
          <label className="checkbox">
            <input type="radio" value="allow" {...form.register("effect")} /> Allow
          </label>
          <label className="checkbox">
            <input type="radio" value="deny" {...form.register("effect")} /> Deny (wins over every allow)
          </label>
        </div>
      </fieldset>

      <ConditionBuilder control={form.control} register={form.register} errors={errors} chosen={conditions.map((c) => c?.operator)} />

    </DialogForm>
  );
}

/** `conditions.0.value` → { conditions: [{ value }] }: the nesting react-hook-form reads errors in. */
function toNested(flat: Record<string, { type: string; message: string }>) {
  const out: Record<string, unknown> = {};
  for (const [path, error] of Object.entries(flat)) {
    const parts = path === "root" ? ["root", "server"] : path.split(".");
    let node = out as Record<string, unknown>;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = error;
      else node = (node[part] ??= /^\d+$/.test(parts[i + 1]) ? [] : {}) as Record<string, unknown>;
    });
  }
  return out;
}
