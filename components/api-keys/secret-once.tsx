"use client";

import { useState } from "react";
import { Field } from "@/components/ui/field";
import type { CreatedCredential } from "./credential-view";

/**
 * The secret as the create answer carried it: Arbor keeps only a hash (or a
 * sealed copy), so nothing can show it again once this dialog closes.
 */
export function SecretOnce({ usage, created, onDone }: { usage: string; created: CreatedCredential; onDone: () => void }) {
  return (
    <div className="form">
      <div className="alert alert-info" role="status">
        <strong>Store the secret now: it will not be shown again.</strong> {usage} If it is lost, revoke the key and create a new one.
      </div>
      {created.accessKeyId && <CopyField label="Access key id" value={created.accessKeyId} />}
      <CopyField label="Secret" value={created.secret} />
      <div className="form-actions">
        <button type="button" className="button button-primary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}

function CopyField({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  // The clipboard needs a secure context (HTTPS or localhost); elsewhere people copy the selected text themselves.
  const copy = () =>
    navigator.clipboard
      ? navigator.clipboard.writeText(value).then(() => setCopied(true), () => setCopied(false))
      : setCopied(false);
  return (
    <Field label={label} hint={copied === false ? "Copying is not allowed here: select the text and copy it yourself." : undefined}>
      {(control) => (
        <div className="copy-field">
          <input {...control} value={value} readOnly className="mono" spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="button" aria-label={`Copy ${label.toLowerCase()}`} onClick={copy}>
            {copied ? "Copied" : "Copy"}
          </button>
        </div>
      )}
    </Field>
  );
}
