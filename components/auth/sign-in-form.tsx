"use client";

import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { signInSchema } from "@/lib/admins/schemas";
import { signInAction } from "@/app/(auth)/_actions/auth";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/forms/form-error";
import { applyServerError } from "@/components/forms/server-errors";
import { resolverOptions } from "@/components/forms/zod-messages";

type Values = z.input<typeof signInSchema>;

/** On success the action redirects to `next`; only a refusal comes back here. */
export function SignInForm({ next }: { next: string }) {
  const form = useForm<Values, unknown, z.output<typeof signInSchema>>({
    resolver: zodResolver(signInSchema, resolverOptions),
    defaultValues: { email: "", password: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await signInAction(values, next);
    if (result?.error) {
      form.resetField("password");
      applyServerError(form.setError, result.error, ["email", "password"]);
    }
  });
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Sign in">
      <Field label="Email" error={errors.email?.message}>
        {(control) => <input {...control} {...form.register("email")} type="email" autoComplete="username" autoFocus />}
      </Field>
      <Field label="Password" error={errors.password?.message}>
        {(control) => <input {...control} {...form.register("password")} type="password" autoComplete="current-password" />}
      </Field>
      <FormError errors={errors} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? "Signing in…" : "Sign in"}
        </button>
      </div>
    </form>
  );
}
