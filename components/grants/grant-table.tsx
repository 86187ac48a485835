"use client";

import { useEffect, useId, useRef, useState } from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import type { SubjectHit } from "@/lib/subjects/search";
import type { FieldIssue } from "@/lib/shared/errors";
import { formatDate } from "@/components/ui/format";
import { RevokeGrantButton } from "./grant-buttons";
import { describeGrant } from "./grant-list";
import { Conditions, EffectBadge, GrantTarget, GrantWhat, SubjectName } from "./grant-parts";
import type { GrantView } from "./grant-view";
import { SubjectPicker } from "./subject-picker";

const column = createColumnHelper<GrantView>();

const columns = [
  column.accessor((g) => g.subject.label, { id: "subject", header: "Subject", cell: (c) => <SubjectName subject={c.row.original.subject} /> }),
  column.accessor((g) => g.role ?? g.actions?.join(","), { id: "grants", header: "Grants", cell: (c) => <GrantWhat grant={c.row.original} /> }),
  column.accessor((g) => g.target?.name ?? g.pattern, { id: "on", header: "On", cell: (c) => <GrantTarget grant={c.row.original} /> }),
  column.accessor("effect", { header: "Effect", cell: (c) => <EffectBadge effect={c.getValue()} /> }),
  column.accessor("conditions", { header: "Conditions", cell: (c) => <Conditions conditions={c.getValue()} /> }),
  column.accessor("createdAt", { header: "Created", cell: (c) => <span className="nowrap">{formatDate(c.getValue())}</span> }),
  column.display({
    id: "actions",
    header: () => <span className="visually-hidden">Actions</span>,
    cell: ({ row: { original } }) => <RevokeGrantButton grantId={original.id} description={describeGrant(original)} />,
  }),
];

export type GrantFilters = { subject?: SubjectHit; resource?: string; role?: string; effect?: string };

type Props = {
  organizationId: string;
  grants: GrantView[];
  nextCursor: string | null;
  filters: GrantFilters;
  roles: string[];
  /** Filters the server could not resolve (an unknown subject or resource), by filter name. */
  issues: FieldIssue[];
};

/**
 * The organization's grants, filtered and paged by the server (a TanStack
 * table in manual mode): the filters live in the address bar, so a filtered
 * view can be shared, and each page is one bounded query.
 */
export function GrantTable({ organizationId, grants, nextCursor, filters, roles, issues }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [resource, setResource] = useState(filters.resource ?? "");
  const resourceId = useId();
  const roleId = useId();
  const effectId = useId();
  const table = useReactTable({ data: grants, columns, getRowId: (g) => g.id, getCoreRowModel: getCoreRowModel(), manualPagination: true, manualFiltering: true });
  const issueFor = (field: string) => issues.find((i) => i.field === field)?.message.replace(`${field}: `, "");

  // The query last asked for: a second filter changed before the first navigation lands builds on it, not on the old address.
  const latest = useRef(params.toString());
  useEffect(() => {
    latest.current = params.toString();
  }, [params]);

  const go = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(latest.current);
    next.set("org", organizationId);
    next.delete("cursor");
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    latest.current = next.toString();
    router.push(`${pathname}?${next}`);
  };
  const filtered = Boolean(filters.subject || filters.resource || filters.role || filters.effect);
  const cursor = params.get("cursor");

  return (
    <div data-testid="grant-table">
      <form
        className="filter-bar"
        role="search"
        aria-label="Filter grants"
        onSubmit={(e) => {
          e.preventDefault();
          go({ resource: resource.trim() || undefined });
        }}
      >
        <SubjectPicker organizationId={organizationId} label="Subject" value={filters.subject ?? null} onChange={(s) => s && go({ subject: s.ref })} error={issueFor("subject")} />
        <div className="field">
          <label htmlFor={resourceId}>Resource</label>
          <input
            id={resourceId}
            value={resource}
            onChange={(e) => setResource(e.target.value)}
            className="mono"
            placeholder="type:externalId or id"
            aria-invalid={Boolean(issueFor("resource"))}
          />
          {issueFor("resource") && <span className="field-error">{issueFor("resource")}</span>}
        </div>
        <div className="field">
          <label htmlFor={roleId}>Role</label>
          <select id={roleId} value={filters.role ?? ""} onChange={(e) => go({ role: e.target.value || undefined })}>
            <option value="">Any</option>
            {roles.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={effectId}>Effect</label>
          <select id={effectId} value={filters.effect ?? ""} onChange={(e) => go({ effect: e.target.value || undefined })}>
            <option value="">Allow or deny</option>
            <option value="allow">Allow</option>
            <option value="deny">Deny</option>
          </select>
        </div>
        <div className="filter-actions">
          <button type="submit" className="button">Apply</button>
          {filtered && (
            <button type="button" className="button button-ghost" onClick={() => { setResource(""); go({ subject: undefined, resource: undefined, role: undefined, effect: undefined }); }}>
              Clear filters
            </button>
          )}
        </div>
      </form>
      <div className="table-scroll">
        <table className="table" aria-label="Grants">
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <th key={header.id} scope="col">
                    {flexRender(header.column.columnDef.header, header.getContext())}
                  </th>
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            ))}
            {grants.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="empty">
                  {issues.length ? "Fix the filters above." : filtered ? "No grant matches these filters." : cursor ? "No more grants." : "No grants yet in this organization."}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {(cursor || nextCursor) && (
        <nav className="pagination" aria-label="Grant pages">
          {cursor ? <Link href={`${pathname}?${withoutCursor(params)}`}>First page</Link> : <span />}
          {nextCursor && <Link href={`${pathname}?${withCursor(params, nextCursor)}`}>Next page</Link>}
        </nav>
      )}
    </div>
  );
}

function withoutCursor(params: URLSearchParams) {
  const next = new URLSearchParams(params.toString());
  next.delete("cursor");
  return next.toString();
}

function withCursor(params: URLSearchParams, cursor: string) {
  const next = new URLSearchParams(params.toString());
  next.set("cursor", cursor);
  return next.toString();
}
