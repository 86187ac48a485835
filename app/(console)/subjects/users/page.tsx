import Link from "next/link";
import { listUsers } from "@/lib/subjects/users";
import { NewUserButton } from "@/components/subjects/subject-forms";
import { SearchForm } from "@/components/ui/search-form";
import { formatDate } from "@/components/ui/format";
import { param, type SearchParams } from "../../_lib/organizations";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";

const PAGE = 50;

export default async function UsersPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const search = param(sp, "q");
  const after = param(sp, "after");
  const { db } = await requireAdmin();
  const page = await listUsers(db, { search, cursor: after, limit: PAGE });
  return (
    <section className="panel" aria-labelledby="users-title">
      <div className="panel-header">
        <div>
          <h2 id="users-title">Users</h2>
          <p>Everyone in the environment; search by name, email or external id.</p>
        </div>
        <NewUserButton />
      </div>
      <SearchForm label="Search users" placeholder="Name, email or external id…" />
      <div className="table-scroll">
        <table className="table" aria-label="Users">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Email</th>
              <th scope="col">External id</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {page.data.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link href={`/subjects/users/${u.id}`}>{u.name ?? u.email ?? u.externalId ?? u.id}</Link>
                </td>
                <td>{u.email ?? <span className="muted">—</span>}</td>
                <td>{u.externalId ? <code>{u.externalId}</code> : <span className="muted">—</span>}</td>
                <td className="nowrap">{formatDate(u.createdAt)}</td>
              </tr>
            ))}
            {page.data.length === 0 && (
              <tr>
                <td colSpan={4} className="empty">
                  {search ? `No user matches “${search}”.` : after ? "No more users." : "No users yet."}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {(after || page.nextCursor) && (
        <nav className="pagination" aria-label="User pages">
          {after ? <Link href={`/subjects/users${search ? `?q=${encodeURIComponent(search)}` : ""}`}>First page</Link> : <span />}
          {page.nextCursor && <Link href={`/subjects/users?${new URLSearchParams({ ...(search ? { q: search } : {}), after: page.nextCursor })}`}>Next {PAGE}</Link>}
        </nav>
      )}
    </section>
  );
}
