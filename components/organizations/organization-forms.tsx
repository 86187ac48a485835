"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { createOrganizationSchema } from "@/lib/organizations/schemas";
import { createOrganizationAction, loadDemoAction } from "@/app/(console)/resources/_actions/organizations";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { ErrorMessage } from "@/components/ui/messages";
import { FormError } from "@/components/forms/form-error";
import { applyServerError } from "@/components/forms/server-errors";
import { emptyAsUndefined, resolverOptions } from "@/components/forms/zod-messages";

type Values = z.input<typeof createOrganizationSchema>;

/** A new organization comes with its own scope and root resource; its tree opens right after. */
function CreateOrganizationForm({ onDone }: { onDone: () => void }) {
  const router = useRouter();
  const form = useForm<Values, unknown, z.output<typeof createOrganizationSchema>>({
    resolver: zodResolver(createOrganizationSchema, resolverOptions),
    defaultValues: { name: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    const result = await createOrganizationAction(values);
    if (result.error) return applyServerError(form.setError, result.error, ["name", "externalId"]);
    onDone();
    router.push(`/resources/${result.data.id}`);
  });
  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <Field label="Name" error={errors.name?.message}>
        {(control) => <input {...control} {...form.register("name")} />}
      </Field>
      <Field label="External id (optional)" error={errors.externalId?.message} hint="Your system's id for this tenant, e.g. acme.">
        {(control) => <input {...control} {...form.register("externalId", { setValueAs: emptyAsUndefined })} className="mono" spellCheck={false} />}
      </Field>
      <FormError errors={errors} />
      <div className="form-actions">
        <button type="button" className="button" onClick={onDone}>Cancel</button>
        <button type="submit" className="button button-primary" disabled={isSubmitting}>
          {isSubmitting ? "Creating…" : "Create organization"}
        </button>
      </div>
    </form>
  );
}

export function NewOrganizationButton({ primary = true }: { primary?: boolean }) {
  return (
    <DialogButton label="New organization" title="New organization" className={primary ? "button button-primary" : "button"}>
      {(close) => <CreateOrganizationForm onDone={close} />}
    </DialogButton>
  );
}

/** Loads the demo organization (lib/demo/seed.ts) and opens its tree. */
export function LoadDemoButton({ primary = false }: { primary?: boolean }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const load = () =>
    startTransition(async () => {
      setError(null);
      const result = await loadDemoAction();
      if (result.error) setError(result.error.message);
      else router.push(`/resources/${result.data.organizationId}`);
    });
  return (
    <>
      <button type="button" className={primary ? "button button-primary" : "button"} onClick={load} disabled={pending}>
        {pending ? "Loading demo data…" : "Load demo data"}
      </button>
      {error && <ErrorMessage>{error}</ErrorMessage>}
    </>
  );
}
