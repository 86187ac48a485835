"use client";

import { useState } from "react";
import { DialogForm } from "@/components/forms/dialog-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { emptyAsUndefined } from "@/components/forms/zod-messages";
import { DialogButton } from "@/components/ui/dialog-button";
import { Field } from "@/components/ui/field";
import type { CreatedCredential, OrganizationChoice } from "./credential-view";
import { KINDS, type CredentialKind } from "./kinds";
import { SecretOnce } from "./secret-once";

type Props = { kind: CredentialKind; organizations: OrganizationChoice[]; onDone: () => void };

/** Name, optional organization, read-only; once created, the dialog shows the secret instead of the form. */
function CreateCredentialForm({ kind, organizations, onDone }: Props) {
  const text = KINDS[kind];
  const [created, setCreated] = useState<CreatedCredential | null>(null);
  const { form, onSubmit } = useActionForm({
    schema: text.schema,
    defaultValues: { name: "", readOnly: false },
    action: text.create,
    fields: ["name", "organizationId", "readOnly"],
    onSuccess: setCreated,
  });
  const { errors } = form.formState;

  if (created) return <SecretOnce usage={text.usage} created={created} onDone={onDone} />;
  return (
    <DialogForm control={form.control} onSubmit={onSubmit} onCancel={onDone} submit={`Create ${text.noun}`} pending="Creating…">
      <Field label="Name" error={errors.name?.message} hint="Who uses it, e.g. billing-service.">
        {(control) => <input {...control} {...form.register("name")} />}
      </Field>
      <Field label="Organization (optional)" error={errors.organizationId?.message} hint={text.organizationHint}>
        {(control) => (
          <select {...control} {...form.register("organizationId", { setValueAs: emptyAsUndefined })}>
            <option value="">{text.unrestricted}</option>
            {organizations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
                {o.externalId ? ` (${o.externalId})` : ""}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="checkbox">
        <input type="checkbox" {...form.register("readOnly")} />
        Read-only: every write is refused with 403
      </label>
      {errors.readOnly && <span className="field-error">{errors.readOnly.message}</span>}
    </DialogForm>
  );
}

export function NewCredentialButton(props: Omit<Props, "onDone">) {
  const { noun } = KINDS[props.kind];
  return (
    <DialogButton label={`New ${noun}`} title={`New ${noun}`} className="button button-primary">
      {(close) => <CreateCredentialForm {...props} onDone={close} />}
    </DialogButton>
  );
}
