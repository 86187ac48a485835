"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { Controller } from "react-hook-form";
import { createResourceSchema, moveResourceSchema, updateResourceSchema } from "@/lib/resources/schemas";
import { createResourceAction, moveResourceAction, updateResourceAction } from "@/app/(console)/resources/_actions/resources";
import { Field } from "@/components/ui/field";
import { DialogForm } from "@/components/forms/dialog-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { emptyAsNull, emptyAsUndefined } from "@/components/forms/zod-messages";
import { ResourcePicker } from "./resource-picker";
import { useSharedTree } from "./tree/tree-context";
import type { TreeNode } from "./tree/tree-types";

/** A resource type offered under a parent; `allowedParents` null = the type may sit anywhere. */
export type TypeOption = { key: string; name: string; allowedParents: string[] | null };

export function CreateResourceForm({ organizationId, parent, types, onDone }: { organizationId: string; parent: TreeNode; types: TypeOption[]; onDone: () => void }) {
  const router = useRouter();
  const tree = useSharedTree();
  const allowed = types.filter((t) => !t.allowedParents || t.allowedParents.includes(parent.type));
  const { form, onSubmit } = useActionForm({
    schema: createResourceSchema,
    defaultValues: { organizationId, parentId: parent.id, type: allowed[0]?.key ?? "", externalId: "", name: "" },
    action: createResourceAction,
    fields: ["type", "externalId", "name", "description", "parentId"],
    onSuccess: ({ id, touched }) => {
      tree?.refresh(touched);
      onDone();
      router.push(`/resources/${organizationId}/${id}`);
    },
  });
  const { errors } = form.formState;
  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit="Create resource" pending="Creating…" disabled={allowed.length === 0}>
      <p className="muted small">
        Under <strong>{parent.name}</strong> ({parent.type}).
      </p>
      <Field label="Type" error={errors.type?.message} hint={allowed.length < types.length ? `The type hierarchy allows these under a ${parent.type}.` : undefined}>
        {(control) => (
          <select {...control} {...form.register("type")}>
            {allowed.length === 0 && <option value="">No type may be placed under a {parent.type}</option>}
            {allowed.map((t) => (
              <option key={t.key} value={t.key}>
                {t.name} ({t.key})
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="form-row">
        <Field label="External id" error={errors.externalId?.message} hint="Your system's id, unique per type in the organization.">
          {(control) => <input {...control} {...form.register("externalId")} className="mono" spellCheck={false} />}
        </Field>
        <Field label="Name" error={errors.name?.message}>
          {(control) => <input {...control} {...form.register("name")} />}
        </Field>
      </div>
      <Field label="Description (optional)" error={errors.description?.message}>
        {(control) => <textarea {...control} {...form.register("description", { setValueAs: emptyAsUndefined })} />}
      </Field>
    </DialogForm>
  );
}

/** Type and external id identify the resource to other systems, so they stay; name and description change. */
export function EditResourceForm({ resource, onDone }: { resource: TreeNode & { description: string | null }; onDone: () => void }) {
  const tree = useSharedTree();
  const { form, onSubmit } = useActionForm({
    schema: updateResourceSchema,
    defaultValues: { name: resource.name, description: resource.description },
    action: (values) => updateResourceAction(resource.id, values),
    fields: ["name", "description"],
    onSuccess: ({ touched }) => {
      tree?.refresh(touched);
      onDone();
    },
  });
  const { errors } = form.formState;
  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit="Save" pending="Saving…">
      <Field label="External id">{(control) => <input {...control} value={`${resource.type}:${resource.externalId}`} readOnly className="mono" />}</Field>
      <Field label="Name" error={errors.name?.message}>
        {(control) => <input {...control} {...form.register("name")} />}
      </Field>
      <Field label="Description (optional)" error={errors.description?.message}>
        {(control) => <textarea {...control} {...form.register("description", { setValueAs: emptyAsNull })} />}
      </Field>
    </DialogForm>
  );
}

/** The domain refuses cycles and parents the type hierarchy does not allow; its reason appears under the picker. */
export function MoveResourceForm({ organizationId, root, resource, onDone }: { organizationId: string; root: TreeNode; resource: TreeNode; onDone: () => void }) {
  const tree = useSharedTree();
  const [target, setTarget] = useState<TreeNode | null>(null);
  // The domain names the parent by the id the form sent; people know it by name.
  const named = (text: string) => (target ? text.replaceAll(target.id, target.name) : text);
  const { form, onSubmit } = useActionForm({
    schema: moveResourceSchema,
    messages: { error: () => "Choose the new parent" },
    defaultValues: { parentId: "" },
    action: async (values) => {
      const result = await moveResourceAction(resource.id, values);
      if (!result.error) return result;
      return { error: { message: named(result.error.message), issues: result.error.issues.map((i) => ({ ...i, message: named(i.message) })) } };
    },
    fields: ["parentId"],
    onSuccess: ({ touched }) => {
      // The tree panel reveals the moved resource under its new parent by itself: it is the one selected.
      tree?.refresh(touched);
      onDone();
    },
  });
  const { errors } = form.formState;
  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit="Move" pending="Moving…">
      <p className="muted small">
        Moves <strong>{resource.name}</strong> and everything below it. Grants on it move along; those it inherited come from its new ancestors.
      </p>
      <Controller
        control={form.control}
        name="parentId"
        render={({ field }) => (
          <ResourcePicker
            organizationId={organizationId}
            root={root}
            label="New parent"
            value={target}
            error={errors.parentId?.message}
            onChange={(node) => {
              setTarget(node);
              field.onChange(node.id);
              form.clearErrors();
            }}
          />
        )}
      />
    </DialogForm>
  );
}
