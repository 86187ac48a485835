"use client";

import { useId } from "react";
import { useRouter } from "next/navigation";
import { Controller, useForm, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { checkSchema, lookupResourcesSchema, lookupSubjectsSchema } from "@/lib/access/schemas";
import type { FieldIssue } from "@/lib/shared/errors";
import type { SubjectHit } from "@/lib/subjects/search";
import { SubjectPicker } from "@/components/grants/subject-picker";
import { ResourcePicker } from "@/components/resources/resource-picker";
import type { TreeNode } from "@/components/resources/tree/tree-types";
import { Field } from "@/components/ui/field";
import { resolverOptions } from "@/components/forms/zod-messages";

export type AccessTab = "check" | "reach" | "who";

type Values = { subject: SubjectHit | null; action: string; resource: TreeNode | null; context: string; type: string };

type Props = {
  tab: AccessTab;
  organizationId: string;
  root: TreeNode;
  initial: Partial<Values>;
  /** Refusals from the server for the question in the address bar (an unknown subject…), by field. */
  issues: FieldIssue[];
  actions: string[];
  types: string[];
};

const SCHEMAS: Record<AccessTab, z.ZodType> = { check: checkSchema, reach: lookupResourcesSchema, who: lookupSubjectsSchema };

function parseContext(text: string): { value?: unknown; error?: string } {
  if (!text.trim()) return {};
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: `Not valid JSON: ${(error as Error).message}` };
  }
}

/** The question each tab asks, in the API's own shape (checked with the API's schema). */
function questionOf(tab: AccessTab, v: Values, organization: string) {
  const action = v.action.trim() || undefined;
  if (tab === "who") return { resource: v.resource?.id ?? "", action, organization };
  if (tab === "reach") return { subject: v.subject?.ref ?? "", action: action ?? "", organization, resourceType: v.type || undefined };
  return { subject: v.subject?.ref ?? "", action: action ?? "", resource: v.resource?.id ?? "", organization, context: parseContext(v.context).value };
}

const FIELDS = ["subject", "action", "resource", "context", "type"] as const;
const fieldOf = (path: string): (typeof FIELDS)[number] | null => {
  const head = path.split(/[.[]/)[0];
  if (head === "resourceType") return "type";
  return (FIELDS as readonly string[]).includes(head) ? (head as (typeof FIELDS)[number]) : null;
};

/**
 * Asks one of three questions: may this subject do this here (check, with
 * the explanation), what can this subject reach (lookup resources), who can
 * act here (lookup subjects). The question goes into the address bar, so an
 * answer can be reloaded and shared.
 */
export function AccessForm({ tab, organizationId, root, initial, issues, actions, types }: Props) {
  const router = useRouter();
  const listId = useId();
  const resolver: Resolver<Values> = async (values) => {
    const errors: Record<string, { type: string; message: string }> = {};
    const context = tab === "check" ? parseContext(values.context) : {};
    if (context.error) errors.context = { type: "json", message: context.error };
    const result = SCHEMAS[tab].safeParse(questionOf(tab, values, organizationId), resolverOptions);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = fieldOf(issue.path.map(String).join(".")) ?? "action";
        errors[field] ??= { type: issue.code, message: /received undefined|expected string/.test(issue.message) ? "Required" : issue.message };
      }
    }
    return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} };
  };
  const form = useForm<Values>({
    resolver,
    defaultValues: { subject: initial.subject ?? null, action: initial.action ?? "", resource: initial.resource ?? null, context: initial.context ?? "", type: initial.type ?? "" },
  });
  const { errors, isSubmitting } = form.formState;
  const serverIssue = (field: string) => issues.find((i) => fieldOf(i.field) === field)?.message.replace(/^[\w.]+: /, "");
  const errorFor = (field: (typeof FIELDS)[number]) => errors[field]?.message ?? serverIssue(field);

  const onSubmit = form.handleSubmit((values) => {
    const q = new URLSearchParams({ org: organizationId, tab });
    if (values.subject && tab !== "who") q.set("subject", values.subject.ref);
    if (values.action.trim()) q.set("action", values.action.trim());
    if (values.resource && tab !== "reach") q.set("resource", values.resource.id);
    if (tab === "check" && values.context.trim()) q.set("context", values.context.trim());
    if (tab === "reach" && values.type) q.set("type", values.type);
    router.push(`/access?${q}`);
  });

  return (
    <form className="form access-form" onSubmit={onSubmit} noValidate aria-label={tab === "check" ? "Check access" : tab === "reach" ? "What can this subject reach" : "Who can act here"}>
      {tab !== "who" && (
        <Controller
          control={form.control}
          name="subject"
          render={({ field }) => <SubjectPicker organizationId={organizationId} label="Subject" value={field.value} onChange={field.onChange} error={errorFor("subject")} />}
        />
      )}
      <Field label={tab === "who" ? "Action (optional)" : "Action"} error={errorFor("action")} hint="An action such as read, or a permission key such as document:read.">
        {(control) => <input {...control} {...form.register("action")} list={listId} className="mono" spellCheck={false} autoComplete="off" />}
      </Field>
      <datalist id={listId}>
        {actions.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      {tab === "reach" && (
        <Field label="Resource type (optional)" error={errorFor("type")}>
          {(control) => (
            <select {...control} {...form.register("type")}>
              <option value="">Any type</option>
              {types.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {tab !== "reach" && (
        <Controller
          control={form.control}
          name="resource"
          render={({ field }) => <ResourcePicker organizationId={organizationId} root={root} label="Resource" value={field.value} onChange={field.onChange} error={errorFor("resource")} />}
        />
      )}
      {tab === "check" && (
        <Field label="Context (optional JSON)" error={errorFor("context")} hint='What conditions are checked against, e.g. {"ip": "10.1.2.3"}.'>
          {(control) => <textarea {...control} {...form.register("context")} className="mono" spellCheck={false} rows={2} />}
        </Field>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {tab === "check" ? "Check" : tab === "reach" ? "Find resources" : "Find users"}
        </button>
      </div>
    </form>
  );
}
