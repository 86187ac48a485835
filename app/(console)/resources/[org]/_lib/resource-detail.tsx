import { Suspense } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getResource, listChildren, resourceAncestors } from "@/lib/resources/service";
import { childCounts } from "@/lib/resources/tree";
import { listGrants } from "@/lib/grants/service";
import { inheritedGrants } from "@/lib/grants/inherited";
import { lookupSubjects } from "@/lib/access/lookup";
import { ResourceActions } from "@/components/resources/resource-actions";
import { TypeIcon } from "@/components/resources/type-icon";
import { GrantList } from "@/components/grants/grant-list";
import { formatDate } from "@/components/ui/format";
import { toGrantViews } from "../../../_lib/grant-views";
import { loadFormOptions, loadOrganization, orNotFound, toTreeNode } from "./load";

const CHILD_PAGE = 25;
const WHO_LIMIT = 100;

type Props = { orgRef: string; resourceRef?: string; after?: string };

/** A resource's page: what it is, where it sits, what is below it, its grants, and who may act on it. */
export async function ResourceDetail({ orgRef, resourceRef, after }: Props) {
  const { db, org, root } = await loadOrganization(orgRef);
  const resource = await orNotFound(getResource(db, resourceRef ? decodeURIComponent(resourceRef) : org.rootResourceId));
  if (resource.organizationId !== org.id) notFound();
  const [ancestors, counts, children, { types, roles }] = await Promise.all([
    resourceAncestors(db, resource.id),
    childCounts(db, [resource.id]),
    listChildren(db, resource.id, { limit: CHILD_PAGE, cursor: after }),
    loadFormOptions(org.scopeId),
  ]);
  const node = { ...toTreeNode(resource, counts.get(resource.id) ?? 0), description: resource.description };
  const base = `/resources/${org.id}`;

  return (
    <article className="resource-detail" aria-labelledby="resource-title">
      <nav aria-label="Path" className="breadcrumbs">
        <ol>
          {ancestors.map((a) => (
            <li key={a.id}>
              <Link href={`${base}/${a.id}`}>{a.name}</Link>
            </li>
          ))}
          <li aria-current="page">{resource.name}</li>
        </ol>
      </nav>
      <header className="page-header">
        <div>
          <h1 id="resource-title" className="resource-title">
            <TypeIcon type={resource.type} /> {resource.name}
          </h1>
          <p>
            <span className="badge">{resource.type}</span> <code>{resource.externalId}</code>
          </p>
        </div>
        <ResourceActions organizationId={org.id} root={root} resource={node} types={types} roles={roles} />
      </header>

      <section className="panel" aria-labelledby="attributes-title">
        <h2 id="attributes-title">Attributes</h2>
        <dl className="attributes">
          <dt>Id</dt>
          <dd><code>{resource.id}</code></dd>
          <dt>Type</dt>
          <dd>{resource.type}</dd>
          <dt>External id</dt>
          <dd><code>{resource.externalId}</code></dd>
          <dt>Description</dt>
          <dd>{resource.description ?? <span className="muted">—</span>}</dd>
          <dt>Declared actions</dt>
          <dd>{resource.actions?.length ? <code>{resource.actions.join(", ")}</code> : <span className="muted">—</span>}</dd>
          {resource.metadata && (
            <>
              <dt>Metadata</dt>
              <dd><code>{JSON.stringify(resource.metadata)}</code></dd>
            </>
          )}
          <dt>Created</dt>
          <dd>{formatDate(resource.createdAt)} by {resource.createdBy}</dd>
          <dt>Updated</dt>
          <dd>{formatDate(resource.updatedAt)}</dd>
        </dl>
        <p className="small">
          <Link href={`/changes?entityType=resource&entityId=${resource.id}`}>History of this resource</Link>
        </p>
      </section>

      <section className="panel" aria-labelledby="children-title">
        <h2 id="children-title">Children ({node.childCount.toLocaleString("en")})</h2>
        {children.data.length === 0 ? (
          <p className="muted small">{after ? "No more children." : "Nothing below this resource yet."}</p>
        ) : (
          <div className="table-scroll">
            <table className="table" aria-label="Children">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Type</th>
                  <th scope="col">External id</th>
                  <th scope="col">Children</th>
                </tr>
              </thead>
              <tbody>
                {children.data.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link href={`${base}/${c.id}`} className="resource-link">
                        <TypeIcon type={c.type} /> {c.name}
                      </Link>
                    </td>
                    <td>{c.type}</td>
                    <td><code>{c.externalId}</code></td>
                    <td>{c.childCount.toLocaleString("en")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {(after || children.nextCursor) && (
          <nav className="pagination" aria-label="Children pages">
            {after ? <Link href={`${base}/${resource.id}`}>First page</Link> : <span />}
            {children.nextCursor && <Link href={`${base}/${resource.id}?after=${children.nextCursor}`}>Next {CHILD_PAGE}</Link>}
          </nav>
        )}
      </section>

      <section className="panel" aria-labelledby="grants-title">
        <h2 id="grants-title">Grants</h2>
        <Suspense fallback={<p className="muted small" role="status">Loading grants…</p>}>
          <ResourceGrants resourceId={resource.id} organizationId={org.id} />
        </Suspense>
      </section>

      <section className="panel" aria-labelledby="who-title">
        <h2 id="who-title">Who has access</h2>
        <p className="muted small">Every user with at least one allowed action here, through grants on this resource, its ancestors, patterns, groups, departments and roles.</p>
        <Suspense fallback={<p className="muted small" role="status">Working out who has access…</p>}>
          <WhoHasAccess resourceId={resource.id} organizationId={org.id} />
        </Suspense>
      </section>
    </article>
  );
}

async function ResourceGrants({ resourceId, organizationId }: { resourceId: string; organizationId: string }) {
  const { db } = await loadOrganization(organizationId);
  const [direct, inherited] = await Promise.all([listGrants(db, { organization: organizationId, resource: resourceId, limit: 200 }), inheritedGrants(db, resourceId)]);
  const [directViews, inheritedViews] = await Promise.all([toGrantViews(db, direct.data), toGrantViews(db, inherited.data)]);
  return (
    <>
      <h3 className="subheading">On this resource</h3>
      <GrantList grants={directViews} label="Direct grants" empty="No grants on this resource itself." revocable testId="direct-grants" />
      {direct.nextCursor && <p className="muted small">Showing the first 200; the grants page lists them all.</p>}
      <h3 className="subheading">Inherited</h3>
      <GrantList grants={inheritedViews} label="Inherited grants" empty="Nothing inherited from above." showSource testId="inherited-grants" />
      {inherited.truncated && <p className="muted small">Showing the nearest 200.</p>}
    </>
  );
}

async function WhoHasAccess({ resourceId, organizationId }: { resourceId: string; organizationId: string }) {
  const { db } = await loadOrganization(organizationId);
  const who = await lookupSubjects(db, { resource: resourceId, organization: organizationId, includeActions: true, limit: WHO_LIMIT });
  if (!who.data.length) return <p className="muted small" data-testid="who-has-access">Nobody has an allowed action here.</p>;
  return (
    <div className="table-scroll" data-testid="who-has-access">
      <table className="table" aria-label="Who has access">
        <thead>
          <tr>
            <th scope="col">User</th>
            <th scope="col">Actions</th>
            <th scope="col">How</th>
          </tr>
        </thead>
        <tbody>
          {who.data.map((u) => (
            <tr key={u.userId}>
              <td>
                <Link href={`/subjects/users/${u.userId}`}>{u.name ?? u.email ?? u.externalId ?? u.userId}</Link>
              </td>
              <td className="mono small">{u.actions?.join(", ")}</td>
              <td>{u.direct ? <span className="badge badge-own">granted here</span> : <span className="badge">inherited</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {who.nextCursor && <p className="muted small">The first {WHO_LIMIT} users.</p>}
    </div>
  );
}
