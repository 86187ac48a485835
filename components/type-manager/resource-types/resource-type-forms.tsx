"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { createResourceTypeSchema, updateResourceTypeSchema } from "@/lib/resource-types/schemas";
import type { ResourceTypeView } from "@/lib/resource-types/service";
import { createResourceTypeAction, updateResourceTypeAction } from "@/app/(console)/types/_actions/resource-types";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/forms/form-error";
import { applyServerError } from "@/components/forms/server-errors";
import { emptyAsNull, emptyAsUndefined, resolverOptions } from "@/components/forms/zod-messages";

type CreateValues = z.input<typeof createResourceTypeSchema>;

export function CreateResourceTypeForm({ scopeId, onDone }: { scopeId: string; onDone: () => void }) {
  const form = useForm<CreateValues, unknown, z.output<typeof createResourceTypeSchema>>({
    resolver: zodResolver(createResourceTypeSchema, resolverOptions),
    defaultValues: { key: "", name: "", scopeId },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createResourceTypeAction(values);
    if (result.error) return applyServerError(form.setError, result.error, ["key", "name", "description", "scopeId"]);
    onDone();
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <div className="form-row">
        <Field label="Key" error={errors.key?.message} hint="Lowercase and singular: document, leave-request.">
          {(control) => <input {...control} {...form.register("key")} className="mono" spellCheck={false} />}
        </Field>
        <Field label="Name" error={errors.name?.message}>
          {(control) => <input {...control} {...form.register("name")} />}
        </Field>
      </div>
      <Field label="Description (optional)" error={errors.description?.message}>
        {(control) => <textarea {...control} {...form.register("description", { setValueAs: emptyAsUndefined })} />}
      </Field>
      <FormError errors={errors} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>Cancel</button>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create resource type"}
        </button>
      </div>
    </form>
  );
}

type UpdateValues = z.input<typeof updateResourceTypeSchema>;

/** The key is fixed once made (permissions and roles refer to it); name and description can change. */
export function EditResourceTypeForm({ type, onDone }: { type: ResourceTypeView; onDone: () => void }) {
  const form = useForm<UpdateValues, unknown, z.output<typeof updateResourceTypeSchema>>({
    resolver: zodResolver(updateResourceTypeSchema, resolverOptions),
    defaultValues: { name: type.name, description: type.description },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await updateResourceTypeAction(type.id, values);
    if (result.error) return applyServerError(form.setError, result.error, ["name", "description"]);
    onDone();
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <Field label="Key">{(control) => <input {...control} value={type.key} readOnly className="mono" />}</Field>
      <Field label="Name" error={errors.name?.message}>
        {(control) => <input {...control} {...form.register("name")} />}
      </Field>
      <Field label="Description (optional)" error={errors.description?.message}>
        {(control) => <textarea {...control} {...form.register("description", { setValueAs: emptyAsNull })} />}
      </Field>
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

export function NewResourceTypeButton({ scopeId, scopeName }: { scopeId: string; scopeName: string }) {
  return (
    <DialogButton label="New resource type" title={`New resource type in ${scopeName}`} className="button button-primary">
      {(close) => <CreateResourceTypeForm scopeId={scopeId} onDone={close} />}
    </DialogButton>
  );
}
