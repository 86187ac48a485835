"use client";

import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { createScopeSchema } from "@/lib/scopes/schemas";
import { createScopeAction } from "@/app/(console)/types/_actions/scopes";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/forms/form-error";
import { applyServerError } from "@/components/forms/server-errors";
import { emptyAsUndefined, resolverOptions } from "@/components/forms/zod-messages";

type Values = z.input<typeof createScopeSchema>;

/** Creates a child scope, then opens it. */
export function ScopeForm({ parentId, onDone }: { parentId: string; onDone: () => void }) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof createScopeSchema>>({
    resolver: zodResolver(createScopeSchema, resolverOptions),
    defaultValues: { name: "", parentId },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createScopeAction(values);
    if (result.error) return applyServerError(form.setError, result.error, ["id", "key", "name", "description", "parentId"]);
    onDone();
    router.push(`/types/${result.data.id}`);
  });

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <Field label="Name" error={errors.name?.message}>
        {(control) => <input {...control} {...form.register("name")} />}
      </Field>
      <div className="form-row">
        <Field label="Key (optional)" error={errors.key?.message} hint="How APIs name it, e.g. acme or a GenAuth namespace code.">
          {(control) => <input {...control} {...form.register("key", { setValueAs: emptyAsUndefined })} />}
        </Field>
        <Field label="Id (optional)" error={errors.id?.message} hint="e.g. scope_acme; generated when empty.">
          {(control) => <input {...control} {...form.register("id", { setValueAs: emptyAsUndefined })} />}
        </Field>
      </div>
      <Field label="Description (optional)" error={errors.description?.message}>
        {(control) => <textarea {...control} {...form.register("description", { setValueAs: emptyAsUndefined })} />}
      </Field>
      <FormError errors={errors} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>Cancel</button>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create scope"}
        </button>
      </div>
    </form>
  );
}
