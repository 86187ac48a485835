import Link from "next/link";
import type { LookupResource, LookupSubject } from "@/lib/access/lookup";
import { TypeIcon } from "@/components/resources/type-icon";

export function ReachTable({ resources, more, organizationId }: { resources: LookupResource[]; more: boolean; organizationId: string }) {
  return (
    <section className="panel" aria-labelledby="reach-title" data-testid="reach-results">
      <h2 id="reach-title">Reachable resources ({resources.length}{more ? "+" : ""})</h2>
      {resources.length === 0 ? (
        <p className="muted">Nothing: no grant gives this subject that action anywhere in the organization.</p>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-label="Reachable resources">
            <thead>
              <tr>
                <th scope="col">Resource</th>
                <th scope="col">Type</th>
                <th scope="col">External id</th>
              </tr>
            </thead>
            <tbody>
              {resources.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/resources/${organizationId}/${r.id}`} className="resource-link">
                      <TypeIcon type={r.type} /> {r.name}
                    </Link>
                  </td>
                  <td>{r.type}</td>
                  <td><code>{r.externalId}</code></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more && <p className="muted small">The first {resources.length}; narrow by type to see others.</p>}
    </section>
  );
}

export function WhoTable({ users, more }: { users: LookupSubject[]; more: boolean }) {
  return (
    <section className="panel" aria-labelledby="who-title" data-testid="who-results">
      <h2 id="who-title">Users who can act here ({users.length}{more ? "+" : ""})</h2>
      {users.length === 0 ? (
        <p className="muted">Nobody.</p>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-label="Users who can act here">
            <thead>
              <tr>
                <th scope="col">User</th>
                <th scope="col">Actions</th>
                <th scope="col">How</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
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
        </div>
      )}
      {more && <p className="muted small">The first {users.length}.</p>}
    </section>
  );
}
