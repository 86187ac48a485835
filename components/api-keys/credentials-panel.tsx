"use client";

import type { CredentialView, OrganizationChoice } from "./credential-view";
import { NewCredentialButton } from "./create-credential-form";
import { CredentialTable } from "./credential-table";
import { KINDS, type CredentialKind } from "./kinds";

/** One kind of credentials: what they are for, a button to create one, and all of them. */
export function CredentialsPanel({ kind, keys, organizations }: { kind: CredentialKind; keys: CredentialView[]; organizations: OrganizationChoice[] }) {
  const text = KINDS[kind];
  const titleId = `${kind}-title`;
  return (
    <section className="panel" aria-labelledby={titleId}>
      <div className="panel-header">
        <div>
          <h2 id={titleId}>{text.plural[0].toUpperCase() + text.plural.slice(1)}</h2>
          <p>{text.description}</p>
        </div>
        <NewCredentialButton kind={kind} organizations={organizations} />
      </div>
      <CredentialTable kind={kind} keys={keys} />
    </section>
  );
}
