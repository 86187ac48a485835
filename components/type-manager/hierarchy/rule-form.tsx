"use client";

import { typeRuleSchema } from "@/lib/resource-types/schemas";
import { createTypeRuleAction } from "@/app/(console)/types/_actions/hierarchy";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { DialogForm } from "@/components/forms/dialog-form";
import { useActionForm } from "@/components/forms/use-action-form";

export type TypeChoice = { id: string; key: string; name: string };

export function RuleForm({ scopeId, types, onDone }: { scopeId: string; types: TypeChoice[]; onDone: () => void }) {
  const { form, onSubmit } = useActionForm({
    schema: typeRuleSchema,
    defaultValues: { parentTypeId: "", childTypeId: "", scopeId },
    action: createTypeRuleAction,
    fields: ["parentTypeId", "childTypeId", "scopeId"],
    onSuccess: onDone,
  });
  const { errors } = form.formState;

  const options = (
    <>
      <option value="">Choose a type…</option>
      {types.map((t) => (
        <option key={t.id} value={t.id}>
          {t.key} ({t.name})
        </option>
      ))}
    </>
  );

  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit="Add rule" pending="Adding…">
      <p className="muted small">Once a type has rules, its resources may only be placed under the parent types its rules allow. A type may contain itself (folders in folders).</p>
      <div className="form-row">
        <Field label="Parent type" error={errors.parentTypeId?.message}>
          {(control) => <select {...control} {...form.register("parentTypeId")}>{options}</select>}
        </Field>
        <Field label="Child type" error={errors.childTypeId?.message}>
          {(control) => <select {...control} {...form.register("childTypeId")}>{options}</select>}
        </Field>
      </div>
    </DialogForm>
  );
}

export function NewRuleButton({ scopeId, types }: { scopeId: string; types: TypeChoice[] }) {
  return (
    <DialogButton label="New hierarchy rule" title="New hierarchy rule" className="button button-primary">
      {(close) => <RuleForm scopeId={scopeId} types={types} onDone={close} />}
    </DialogButton>
  );
}
