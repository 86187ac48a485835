"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { createPermissionSchema, updatePermissionSchema } from "@/lib/permissions/schemas";
import type { PermissionView } from "@/lib/permissions/service";
import { createPermissionAction, updatePermissionAction } from "@/app/(console)/types/_actions/permissions";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/forms/form-error";
import { applyServerError } from "@/components/forms/server-errors";
import { emptyAsNull, emptyAsUndefined, resolverOptions } from "@/components/forms/zod-messages";

type CreateValues = z.input<typeof createPermissionSchema>;

export function CreatePermissionForm({ scopeId, typeKeys, onDone }: { scopeId: string; typeKeys: string[]; onDone: () => void }) {
  const form = useForm<CreateValues, unknown, z.output<typeof createPermissionSchema>>({
    resolver: zodResolver(createPermissionSchema, resolverOptions),
    defaultValues: { scopeId, resourceType: typeKeys[0] ?? "", action: "", resourcePattern: "*" },
  });
  const { errors, isSubmitting } = form.formState;
  const [resourceType, action, pattern] = form.watch(["resourceType", "action", "resourcePattern"]);

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createPermissionAction(values);
    if (result.error) return applyServerError(form.setError, result.error, ["resourceType", "action", "resourcePattern", "key", "label", "description", "scopeId"]);
    onDone();
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
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
      <FormError errors={errors} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>Cancel</button>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create permission"}
        </button>
      </div>
    </form>
  );
}

export function NewPermissionButton({ scopeId, scopeName, typeKeys }: { scopeId: string; scopeName: string; typeKeys: string[] }) {
  return (
    <DialogButton label="New permission" title={`New permission in ${scopeName}`} className="button button-primary">
      {(close) => <CreatePermissionForm scopeId={scopeId} typeKeys={typeKeys} onDone={close} />}
    </DialogButton>
  );
}

type UpdateValues = z.input<typeof updatePermissionSchema>;

/** What a permission grants is its key; only the label and description change. */
export function EditPermissionForm({ permission, onDone }: { permission: PermissionView; onDone: () => void }) {
  const form = useForm<UpdateValues, unknown, z.output<typeof updatePermissionSchema>>({
    resolver: zodResolver(updatePermissionSchema, resolverOptions),
    defaultValues: { label: permission.label, description: permission.description },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await updatePermissionAction(permission.id, values);
    if (result.error) return applyServerError(form.setError, result.error, ["label", "description"]);
    onDone();
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <Field label="Key">{(control) => <input {...control} value={permission.key} readOnly className="mono" />}</Field>
      <Field label="Label (optional)" error={errors.label?.message}>
        {(control) => <input {...control} {...form.register("label", { setValueAs: emptyAsNull })} />}
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
