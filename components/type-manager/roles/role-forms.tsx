"use client";

import { Controller } from "react-hook-form";
import { createRoleSchema, updateRoleSchema } from "@/lib/roles/schemas";
import type { RoleView } from "@/lib/roles/service";
import { createRoleAction, updateRoleAction } from "@/app/(console)/types/_actions/roles";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { DialogForm } from "@/components/forms/dialog-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { emptyAsNull, emptyAsUndefined } from "@/components/forms/zod-messages";

/** Permissions are set afterwards in the role × permission matrix. */
export function CreateRoleForm({ scopeId, typeKeys, roleSlugs, onDone }: { scopeId: string; typeKeys: string[]; roleSlugs: string[]; onDone: () => void }) {
  const { form, onSubmit } = useActionForm({
    schema: createRoleSchema,
    defaultValues: { slug: "", name: "", scopeId, includes: [] },
    action: createRoleAction,
    fields: ["slug", "name", "description", "resourceType", "includes", "scopeId"],
    onSuccess: onDone,
  });
  const { errors } = form.formState;

  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit="Create role" pending="Creating…">
      <div className="form-row">
        <Field label="Slug" error={errors.slug?.message} hint="e.g. editor, project-admin">
          {(control) => <input {...control} {...form.register("slug")} className="mono" spellCheck={false} />}
        </Field>
        <Field label="Name" error={errors.name?.message}>
          {(control) => <input {...control} {...form.register("name")} />}
        </Field>
      </div>
      <Field label="Description (optional)" error={errors.description?.message}>
        {(control) => <textarea {...control} {...form.register("description", { setValueAs: emptyAsUndefined })} />}
      </Field>
      <Field label="Limited to resource type (optional)" error={errors.resourceType?.message} hint="Leave at “any type” for a role that can be granted on any resource.">
        {(control) => (
          <select {...control} {...form.register("resourceType", { setValueAs: emptyAsUndefined })}>
            <option value="">any type</option>
            {typeKeys.map((key) => (
              <option key={key} value={key}>
                {key}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Controller
        control={form.control}
        name="includes"
        render={({ field, fieldState }) => (
          <IncludedRoles roleSlugs={roleSlugs} value={field.value} onChange={field.onChange} error={fieldState.error?.message} empty="No other roles in this scope yet." />
        )}
      />
    </DialogForm>
  );
}

type IncludedRolesProps = { roleSlugs: string[]; value: string[] | undefined; onChange: (slugs: string[]) => void; error?: string; empty: string };

/** The roles a role includes, chosen from the other roles of its scope. */
function IncludedRoles({ roleSlugs, value, onChange, error, empty }: IncludedRolesProps) {
  return (
    <CheckboxGroup
      legend="Includes roles (optional)"
      options={roleSlugs.map((slug) => ({ value: slug, label: slug }))}
      value={value ?? []}
      onChange={onChange}
      error={error}
      empty={empty}
    />
  );
}

export function NewRoleButton(props: { scopeId: string; scopeName: string; typeKeys: string[]; roleSlugs: string[] }) {
  return (
    <DialogButton label="New role" title={`New role in ${props.scopeName}`} className="button button-primary">
      {(close) => <CreateRoleForm {...props} onDone={close} />}
    </DialogButton>
  );
}

/** Slug, scope and type restriction are fixed once made: grants refer to them. */
export function EditRoleForm({ role, roleSlugs, onDone }: { role: RoleView; roleSlugs: string[]; onDone: () => void }) {
  const { form, onSubmit } = useActionForm({
    schema: updateRoleSchema,
    defaultValues: { name: role.name, description: role.description, includes: role.includes },
    action: (values) => updateRoleAction(role.id, values),
    fields: ["name", "description", "includes"],
    onSuccess: onDone,
  });
  const { errors } = form.formState;

  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit="Save" pending="Saving…">
      <Field label="Slug">{(control) => <input {...control} value={role.slug} readOnly className="mono" />}</Field>
      <Field label="Name" error={errors.name?.message}>
        {(control) => <input {...control} {...form.register("name")} />}
      </Field>
      <Field label="Description (optional)" error={errors.description?.message}>
        {(control) => <textarea {...control} {...form.register("description", { setValueAs: emptyAsNull })} />}
      </Field>
      <Controller
        control={form.control}
        name="includes"
        render={({ field, fieldState }) => (
          <IncludedRoles roleSlugs={roleSlugs.filter((slug) => slug !== role.slug)} value={field.value} onChange={field.onChange} error={fieldState.error?.message} empty="No other roles in this scope." />
        )}
      />
    </DialogForm>
  );
}
