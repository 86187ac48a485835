"use client";

import { useRouter } from "next/navigation";
import { createScopeSchema } from "@/lib/scopes/schemas";
import { createScopeAction } from "@/app/(console)/types/_actions/scopes";
import { Field } from "@/components/ui/field";
import { DialogForm } from "@/components/forms/dialog-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { emptyAsUndefined } from "@/components/forms/zod-messages";

/** Creates a child scope, then opens it. */
export function ScopeForm({ parentId, onDone }: { parentId: string; onDone: () => void }) {
  const router = useRouter();
  const { form, onSubmit } = useActionForm({
    schema: createScopeSchema,
    defaultValues: { name: "", parentId },
    action: createScopeAction,
    fields: ["id", "key", "name", "description", "parentId"],
    onSuccess: ({ id }) => {
      onDone();
      router.push(`/types/${id}`);
    },
  });
  const { errors } = form.formState;

  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit="Create scope" pending="Creating…">
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
    </DialogForm>
  );
}
