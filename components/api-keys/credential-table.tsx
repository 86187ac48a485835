"use client";

import { createColumnHelper } from "@tanstack/react-table";
import { DataTable } from "@/components/data-table/data-table";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { formatDate } from "@/components/ui/format";
import type { CredentialView } from "./credential-view";
import { KINDS, type CredentialKind } from "./kinds";

const column = createColumnHelper<CredentialView>();
const never = <span className="muted">never</span>;

function columnsFor(kind: CredentialKind) {
  const text = KINDS[kind];
  return [
    // Name and identifier share a column (and the filter finds either): the table has many columns to fit.
    column.accessor((k) => `${k.name} ${k.identifier}`, {
      id: "name",
      header: `Name and ${text.identifier.toLowerCase()}`,
      cell: ({ row: { original: k } }) => (
        <>
          <div>{k.name}</div>
          <code className="small">{k.identifier}</code>
        </>
      ),
    }),
    column.accessor((k) => k.organization ?? text.unrestricted, {
      id: "organization",
      header: "Organization",
      cell: ({ row: { original: k } }) => k.organization ?? <span className="muted">{text.unrestricted}</span>,
    }),
    column.accessor((k) => (k.readOnly ? "read-only" : "read and write"), { id: "access", header: "Access" }),
    column.accessor((k) => new Date(k.createdAt).getTime(), {
      id: "created",
      header: "Created",
      enableGlobalFilter: false,
      cell: ({ row: { original: k } }) => (
        <>
          <div className="nowrap">{formatDate(k.createdAt)}</div>
          <div className="muted small">by {k.createdBy}</div>
        </>
      ),
    }),
    column.accessor((k) => (k.lastUsedAt ? new Date(k.lastUsedAt).getTime() : 0), {
      id: "lastUsed",
      header: "Last used",
      enableGlobalFilter: false,
      cell: ({ row: { original: k } }) => (k.lastUsedAt ? <span className="nowrap">{formatDate(k.lastUsedAt)}</span> : never),
    }),
    column.accessor((k) => (k.revokedAt ? "revoked" : "active"), {
      id: "status",
      header: "Status",
      cell: ({ row: { original: k } }) =>
        k.revokedAt ? (
          <span className="badge badge-deny" title={`Revoked ${formatDate(k.revokedAt)}`}>revoked</span>
        ) : (
          <span className="badge badge-allow">active</span>
        ),
    }),
    column.display({
      id: "actions",
      header: () => <span className="visually-hidden">Actions</span>,
      cell: ({ row: { original: k } }) =>
        k.revokedAt ? null : (
          <ConfirmButton
            label="Revoke"
            ariaLabel={`Revoke ${text.noun} ${k.name}`}
            title={`Revoke ${text.noun} ${k.name}?`}
            body={<p>Requests with this key are refused from the very next one on. The key stays listed as revoked; this cannot be undone.</p>}
            action={() => text.revoke(k.id)}
          />
        ),
    }),
  ];
}

const COLUMNS = { "api-key": columnsFor("api-key"), "access-key": columnsFor("access-key") };

/** Revoked keys stay in the list, marked, so the change log's actor names still mean something. */
export function CredentialTable({ kind, keys }: { kind: CredentialKind; keys: CredentialView[] }) {
  const text = KINDS[kind];
  return (
    <DataTable
      data={keys}
      columns={COLUMNS[kind]}
      label={text.plural}
      singular={text.noun}
      getRowId={(k) => k.id}
      defaults={{ sort: [{ id: "created", desc: true }] }}
      empty={`No ${text.plural} yet.`}
      testId={`${kind}-table`}
    />
  );
}
