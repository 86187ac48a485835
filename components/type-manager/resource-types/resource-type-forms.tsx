"use client";

import { createResourceTypeSchema, updateResourceTypeSchema } from "@/lib/resource-types/schemas";
import type { ResourceTypeView } from "@/lib/resource-types/service";
import { createResourceTypeAction, updateResourceTypeAction } from "@/app/(console)/types/_actions/resource-types";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { DialogForm } from "@/components/forms/dialog-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { emptyAsNull, emptyAsUndefined } from "@/components/forms/zod-messages";

export function CreateResourceTypeForm({ scopeId, onDone }: { scopeId: string; onDone: () => void }) {
  const { form, onSubmit } = useActionForm({
    schema: createResourceTypeSchema,
    defaultValues: { key: "", name: "", scopeId },
    action: createResourceTypeAction,
    fields: ["key", "name", "description", "scopeId"],
    onSuccess: onDone,
  });
  const { errors } = form.formState;

  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit="Create resource type" pending="Creating…">
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
    </DialogForm>
  );
}

/** The key is fixed once made (permissions and roles refer to it); name and description can change. */
export function EditResourceTypeForm({ type, onDone }: { type: ResourceTypeView; onDone: () => void }) {
  const { form, onSubmit } = useActionForm({
    schema: updateResourceTypeSchema,
    defaultValues: { name: type.name, description: type.description },
    action: (values) => updateResourceTypeAction(type.id, values),
    fields: ["name", "description"],
    onSuccess: onDone,
  });
  const { errors } = form.formState;

  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit="Save" pending="Saving…">
      <Field label="Key">{(control) => <input {...control} value={type.key} readOnly className="mono" />}</Field>
      <Field label="Name" error={errors.name?.message}>
        {(control) => <input {...control} {...form.register("name")} />}
      </Field>
      <Field label="Description (optional)" error={errors.description?.message}>
        {(control) => <textarea {...control} {...form.register("description", { setValueAs: emptyAsNull })} />}
      </Field>
    </DialogForm>
  );
}

export function NewResourceTypeButton({ scopeId, scopeName }: { scopeId: string; scopeName: string }) {
  return (
    <DialogButton label="New resource type" title={`New resource type in ${scopeName}`} className="button button-primary">
      {(close) => <CreateResourceTypeForm scopeId={scopeId} onDone={close} />}
    </DialogButton>
  );
}
