import type { Metadata } from "next";
import Link from "next/link";
import { listRecentChanges } from "@/lib/revisions/recent";
import { ArborError } from "@/lib/shared/errors";
import { PageHeader } from "@/components/shell/page-header";
import { ChangeFilters } from "@/components/changes/change-filters";
import { JsonDiff } from "@/components/changes/json-diff";
import { ErrorMessage } from "@/components/ui/messages";
import { formatDate } from "@/components/ui/format";
import { param, type SearchParams } from "../_lib/organizations";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Change log" };

const PAGE = 50;

/** Where an entry's entity can be seen now, when the console has a page for it. */
function entityHref(entityType: string, entityId: string, organizationId: string | null): string | null {
  if (entityType === "resource" && organizationId) return `/resources/${organizationId}/${entityId}`;
  if (entityType === "user") return `/subjects/users/${entityId}`;
  if (entityType === "group") return `/subjects/groups/${entityId}`;
  if (entityType === "department") return `/subjects/departments/${entityId}`;
  if (entityType === "organization") return `/resources/${entityId}`;
  return null;
}

/** A short name for the entity from its recorded state (its name or key), so rows read without opening the diff. */
function entityName(before: unknown, after: unknown): string | null {
  const state = (after ?? before) as Record<string, unknown> | null;
  const name = state?.name ?? state?.key ?? state?.slug ?? state?.externalId ?? state?.email;
  return typeof name === "string" ? name : null;
}

export default async function ChangesPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const filters = { entityType: param(sp, "entityType"), entityId: param(sp, "entityId"), actor: param(sp, "actor"), since: param(sp, "since"), until: param(sp, "until") };
  const before = param(sp, "before");
  const { db } = await requireAdmin();
  let page: Awaited<ReturnType<typeof listRecentChanges>> = { data: [], nextCursor: null };
  let error: string | null = null;
  try {
    page = await listRecentChanges(db, { ...filters, before, limit: PAGE });
  } catch (e) {
    if (!(e instanceof ArborError)) throw e;
    error = e.message;
  }
  const query = (extra: Record<string, string>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(filters)) if (v) q.set(k, v);
    for (const [k, v] of Object.entries(extra)) q.set(k, v);
    return q.size ? `?${q}` : "";
  };
  const actors = [...new Set(page.data.map((c) => c.actor))].sort();

  return (
    <>
      <PageHeader title="Change log" description="Every change, newest first: who made it, when, at which revision, and what it was before and after. Open an entry for its diff." />
      <section className="panel" aria-label="Filters">
        <ChangeFilters
          initial={{ entityType: filters.entityType ?? "", entityId: filters.entityId ?? "", actor: filters.actor ?? "", since: filters.since ?? "", until: filters.until ?? "" }}
          actors={actors}
        />
        {error && <ErrorMessage>{error}</ErrorMessage>}
      </section>
      <section className="panel" aria-labelledby="changes-title">
        <h2 id="changes-title" className="visually-hidden">Changes</h2>
        {page.data.length === 0 ? (
          <p className="empty">{before ? "No older changes." : "No change matches these filters."}</p>
        ) : (
          <ol className="change-list" aria-label="Changes">
            {page.data.map((c) => {
              const href = entityHref(c.entityType, c.entityId, c.organizationId);
              const name = entityName(c.before, c.after);
              return (
                <li key={c.id} className="change" data-testid="change">
                  <details>
                    <summary>
                      <span className="badge">r{c.revision}</span> <span className={`op op-${c.operation}`}>{c.operation}</span> <span className="mono small">{c.entityType}</span>{" "}
                      <strong>{name ?? c.entityId}</strong> <span className="muted small">by</span> <span className="mono small">{c.actor}</span>{" "}
                      <span className="muted small nowrap">{formatDate(c.at)}</span>
                    </summary>
                    <div className="change-body">
                      <p className="small">
                        <code>{c.entityId}</code> {href && c.operation !== "delete" && <Link href={href}>Open</Link>}{" "}
                        <Link href={`/changes?entityType=${c.entityType}&entityId=${encodeURIComponent(c.entityId)}`}>History of this {c.entityType.replace(/_/g, " ")}</Link>
                      </p>
                      <JsonDiff before={c.before} after={c.after} />
                    </div>
                  </details>
                </li>
              );
            })}
          </ol>
        )}
        {(before || page.nextCursor) && (
          <nav className="pagination" aria-label="Change pages">
            {before ? <Link href={`/changes${query({})}`}>Newest</Link> : <span />}
            {page.nextCursor && <Link href={`/changes${query({ before: page.nextCursor })}`}>Older</Link>}
          </nav>
        )}
      </section>
    </>
  );
}
