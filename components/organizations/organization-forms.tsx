"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { createOrganizationSchema } from "@/lib/organizations/schemas";
import { createOrganizationAction, loadDemoAction } from "@/app/(console)/resources/_actions/organizations";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import { ErrorMessage } from "@/components/ui/messages";
import { DialogForm } from "@/components/forms/dialog-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { emptyAsUndefined } from "@/components/forms/zod-messages";

/** A new organization comes with its own scope and root resource; its tree opens right after. */
function CreateOrganizationForm({ onDone }: { onDone: () => void }) {
  const router = useRouter();
  const { form, onSubmit } = useActionForm({
    schema: createOrganizationSchema,
    defaultValues: { name: "" },
    action: createOrganizationAction,
    fields: ["name", "externalId"],
    onSuccess: ({ id }) => {
      onDone();
      router.push(`/resources/${id}`);
    },
  });
  const { errors } = form.formState;
  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit="Create organization" pending="Creating…">
      <Field label="Name" error={errors.name?.message}>
        {(control) => <input {...control} {...form.register("name")} />}
      </Field>
      <Field label="External id (optional)" error={errors.externalId?.message} hint="Your system's id for this tenant, e.g. acme.">
        {(control) => <input {...control} {...form.register("externalId", { setValueAs: emptyAsUndefined })} className="mono" spellCheck={false} />}
      </Field>
    </DialogForm>
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
