"use client";

import { Controller, useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { createRoleSchema, updateRoleSchema } from "@/lib/roles/schemas";
import type { RoleView } from "@/lib/roles/service";
import { createRoleAction, updateRoleAction } from "@/app/(console)/types/_actions/roles";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/forms/form-error";
import { applyServerError } from "@/components/forms/server-errors";
import { emptyAsNull, emptyAsUndefined, resolverOptions } from "@/components/forms/zod-messages";

type CreateValues = z.input<typeof createRoleSchema>;
const asOptions = (slugs: string[]) => slugs.map((slug) => ({ value: slug, label: slug }));

/** Permissions are set afterwards in the role × permission matrix. */
export function CreateRoleForm({ scopeId, typeKeys, roleSlugs, onDone }: { scopeId: string; typeKeys: string[]; roleSlugs: string[]; onDone: () => void }) {
  const form = useForm<CreateValues, unknown, z.output<typeof createRoleSchema>>({
    resolver: zodResolver(createRoleSchema, resolverOptions),
    defaultValues: { slug: "", name: "", scopeId, includes: [] },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createRoleAction(values);
    if (result.error) return applyServerError(form.setError, result.error, ["slug", "name", "description", "resourceType", "includes", "scopeId"]);
    onDone();
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
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
          <CheckboxGroup
            legend="Includes roles (optional)"
            options={asOptions(roleSlugs)}
            value={field.value ?? []}
            onChange={field.onChange}
            error={fieldState.error?.message}
            empty="No other roles in this scope yet."
          />
        )}
      />
      <FormError errors={errors} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>Cancel</button>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create role"}
        </button>
      </div>
    </form>
  );
}

export function NewRoleButton(props: { scopeId: string; scopeName: string; typeKeys: string[]; roleSlugs: string[] }) {
  return (
    <DialogButton label="New role" title={`New role in ${props.scopeName}`} className="button button-primary">
      {(close) => <CreateRoleForm {...props} onDone={close} />}
    </DialogButton>
  );
}

type UpdateValues = z.input<typeof updateRoleSchema>;

/** Slug, scope and type restriction are fixed once made: grants refer to them. */
export function EditRoleForm({ role, roleSlugs, onDone }: { role: RoleView; roleSlugs: string[]; onDone: () => void }) {
  const form = useForm<UpdateValues, unknown, z.output<typeof updateRoleSchema>>({
    resolver: zodResolver(updateRoleSchema, resolverOptions),
    defaultValues: { name: role.name, description: role.description, includes: role.includes },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await updateRoleAction(role.id, values);
    if (result.error) return applyServerError(form.setError, result.error, ["name", "description", "includes"]);
    onDone();
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
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
          <CheckboxGroup
            legend="Includes roles (optional)"
            options={asOptions(roleSlugs.filter((slug) => slug !== role.slug))}
            value={field.value ?? []}
            onChange={field.onChange}
            error={fieldState.error?.message}
            empty="No other roles in this scope."
          />
        )}
      />
      <FormError errors={errors} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>Cancel</button>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save"}
        </button>
      </div>
    </form>
  );
}
