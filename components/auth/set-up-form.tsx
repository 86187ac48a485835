"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod";
import { adminEmailSchema, newPasswordSchema } from "@/lib/admins/schemas";
import { setUpAction } from "@/app/(auth)/_actions/auth";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/forms/form-error";
import { applyServerError } from "@/components/forms/server-errors";
import { resolverOptions } from "@/components/forms/zod-messages";

const setUpSchema = z
  .object({ email: adminEmailSchema, password: newPasswordSchema, confirm: z.string() })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two passwords differ" });

type Values = z.input<typeof setUpSchema>;

/** On success the action signs the new administrator in and opens the console. */
export function SetUpForm() {
  const form = useForm<Values, unknown, z.output<typeof setUpSchema>>({
    resolver: zodResolver(setUpSchema, resolverOptions),
    defaultValues: { email: "", password: "", confirm: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async ({ email, password }) => {
    const result = await setUpAction({ email, password });
    if (result?.error) applyServerError(form.setError, result.error, ["email", "password"]);
  });
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Create the first administrator">
      <Field label="Email" error={errors.email?.message}>
        {(control) => <input {...control} {...form.register("email")} type="email" autoComplete="username" autoFocus />}
      </Field>
      <Field label="Password" error={errors.password?.message} hint="At least 12 characters.">
        {(control) => <input {...control} {...form.register("password")} type="password" autoComplete="new-password" />}
      </Field>
      <Field label="Repeat the password" error={errors.confirm?.message}>
        {(control) => <input {...control} {...form.register("confirm")} type="password" autoComplete="new-password" />}
      </Field>
      <FormError errors={errors} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create administrator and sign in"}
        </button>
      </div>
    </form>
  );
}
