"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { typeRuleSchema } from "@/lib/resource-types/schemas";
import { createTypeRuleAction } from "@/app/(console)/types/_actions/hierarchy";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/forms/form-error";
import { applyServerError } from "@/components/forms/server-errors";
import { resolverOptions } from "@/components/forms/zod-messages";

export type TypeChoice = { id: string; key: string; name: string };
type Values = z.input<typeof typeRuleSchema>;

export function RuleForm({ scopeId, types, onDone }: { scopeId: string; types: TypeChoice[]; onDone: () => void }) {
  const form = useForm<Values, unknown, z.output<typeof typeRuleSchema>>({
    resolver: zodResolver(typeRuleSchema, resolverOptions),
    defaultValues: { parentTypeId: "", childTypeId: "", scopeId },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createTypeRuleAction(values);
    if (result.error) return applyServerError(form.setError, result.error, ["parentTypeId", "childTypeId", "scopeId"]);
    onDone();
  });

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
    <form className="form" onSubmit={onSubmit} noValidate>
      <p className="muted small">Once a type has rules, its resources may only be placed under the parent types its rules allow. A type may contain itself (folders in folders).</p>
      <div className="form-row">
        <Field label="Parent type" error={errors.parentTypeId?.message}>
          {(control) => <select {...control} {...form.register("parentTypeId")}>{options}</select>}
        </Field>
        <Field label="Child type" error={errors.childTypeId?.message}>
          {(control) => <select {...control} {...form.register("childTypeId")}>{options}</select>}
        </Field>
      </div>
      <FormError errors={errors} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>Cancel</button>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? "Adding…" : "Add rule"}
        </button>
      </div>
    </form>
  );
}

export function NewRuleButton({ scopeId, types }: { scopeId: string; types: TypeChoice[] }) {
  return (
    <DialogButton label="New hierarchy rule" title="New hierarchy rule" className="button button-primary">
      {(close) => <RuleForm scopeId={scopeId} types={types} onDone={close} />}
    </DialogButton>
  );
}
