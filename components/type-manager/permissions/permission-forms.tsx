"use client";

import { createPermissionSchema, updatePermissionSchema } from "@/lib/permissions/schemas";
import type { PermissionView } from "@/lib/permissions/service";
import { createPermissionAction, updatePermissionAction } from "@/app/(console)/types/_actions/permissions";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { DialogForm } from "@/components/forms/dialog-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { emptyAsNull, emptyAsUndefined } from "@/components/forms/zod-messages";

export function CreatePermissionForm({ scopeId, typeKeys, onDone }: { scopeId: string; typeKeys: string[]; onDone: () => void }) {
  const { form, onSubmit } = useActionForm({
    schema: createPermissionSchema,
    defaultValues: { scopeId, resourceType: typeKeys[0] ?? "", action: "", resourcePattern: "*" },
    action: createPermissionAction,
    fields: ["resourceType", "action", "resourcePattern", "key", "label", "description", "scopeId"],
    onSuccess: onDone,
  });
  const { errors } = form.formState;
  const [resourceType, action, pattern] = form.watch(["resourceType", "action", "resourcePattern"]);

  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit="Create permission" pending="Creating…">
      <div className="form-row">
        <Field label="Resource type" error={errors.resourceType?.message}>
          {(control) => (
            <select {...control} {...form.register("resourceType")}>
              {typeKeys.map((key) => (
                <option key={key} value={key}>
                  {key}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Action" error={errors.action?.message} hint="e.g. read, update, approve">
          {(control) => <input {...control} {...form.register("action")} className="mono" spellCheck={false} />}
        </Field>
      </div>
      <Field label="Resource pattern" error={errors.resourcePattern?.message ?? errors.key?.message} hint="Glob over external ids: * for all, books:* for some.">
        {(control) => <input {...control} {...form.register("resourcePattern")} className="mono" spellCheck={false} />}
      </Field>
      <p className="small">
        Key: <span className="key-preview">{`${resourceType || "type"}:${action || "action"}:${pattern || "*"}`}</span>
      </p>
      <div className="form-row">
        <Field label="Label (optional)" error={errors.label?.message}>
          {(control) => <input {...control} {...form.register("label", { setValueAs: emptyAsUndefined })} />}
        </Field>
        <Field label="Description (optional)" error={errors.description?.message}>
          {(control) => <input {...control} {...form.register("description", { setValueAs: emptyAsUndefined })} />}
        </Field>
      </div>
    </DialogForm>
  );
}

export function NewPermissionButton({ scopeId, scopeName, typeKeys }: { scopeId: string; scopeName: string; typeKeys: string[] }) {
  return (
    <DialogButton label="New permission" title={`New permission in ${scopeName}`} className="button button-primary">
      {(close) => <CreatePermissionForm scopeId={scopeId} typeKeys={typeKeys} onDone={close} />}
    </DialogButton>
  );
}

/** What a permission grants is its key; only the label and description change. */
export function EditPermissionForm({ permission, onDone }: { permission: PermissionView; onDone: () => void }) {
  const { form, onSubmit } = useActionForm({
    schema: updatePermissionSchema,
    defaultValues: { label: permission.label, description: permission.description },
    action: (values) => updatePermissionAction(permission.id, values),
    fields: ["label", "description"],
    onSuccess: onDone,
  });
  const { errors } = form.formState;

  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit="Save" pending="Saving…">
      <Field label="Key">{(control) => <input {...control} value={permission.key} readOnly className="mono" />}</Field>
      <Field label="Label (optional)" error={errors.label?.message}>
        {(control) => <input {...control} {...form.register("label", { setValueAs: emptyAsNull })} />}
      </Field>
      <Field label="Description (optional)" error={errors.description?.message}>
        {(control) => <textarea {...control} {...form.register("description", { setValueAs: emptyAsNull })} />}
      </Field>
    </DialogForm>
  );
}
