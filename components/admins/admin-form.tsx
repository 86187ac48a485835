"use client";

import { createAdminSchema } from "@/lib/admins/schemas";
import { createAdminAction } from "@/app/(console)/administrators/_actions/admins";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { DialogForm } from "@/components/forms/dialog-form";
import { useActionForm } from "@/components/forms/use-action-form";

/** The new administrator signs in with this password; tell it to them another way. */
function NewAdminForm({ onDone }: { onDone: () => void }) {
  const { form, onSubmit } = useActionForm({
    schema: createAdminSchema,
    defaultValues: { email: "", password: "" },
    action: createAdminAction,
    fields: ["email", "password"],
    onSuccess: onDone,
  });
  const { errors } = form.formState;
  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit="Add administrator" pending="Adding…">
      <Field label="Email" error={errors.email?.message}>
        {(control) => <input {...control} {...form.register("email")} type="email" autoComplete="off" />}
      </Field>
      <Field label="Password" error={errors.password?.message} hint="At least 12 characters.">
        {(control) => <input {...control} {...form.register("password")} type="password" autoComplete="new-password" />}
      </Field>
    </DialogForm>
  );
}

export function NewAdminButton() {
  return (
    <DialogButton label="Add administrator" title="Add administrator" className="button button-primary">
      {(close) => <NewAdminForm onDone={close} />}
    </DialogButton>
  );
}
