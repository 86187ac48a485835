import type { Metadata } from "next";
import { listAdmins } from "@/lib/admins/service";
import { PageHeader } from "@/components/shell/page-header";
import { NewAdminButton } from "@/components/admins/admin-form";
import { formatDate } from "@/components/ui/format";
import { requireAdmin } from "../_lib/require-admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Administrators" };

export default async function AdministratorsPage() {
  const { db, admin: me } = await requireAdmin();
  const admins = await listAdmins(db);
  return (
    <>
      <PageHeader title="Administrators" description="The people who may sign in to this console. Each one's changes are recorded in the change log under their email." />
      <section className="panel" aria-labelledby="admins-title">
        <div className="panel-header">
          <h2 id="admins-title">Accounts</h2>
          <NewAdminButton />
        </div>
        <div className="table-scroll">
          <table className="table" aria-label="Administrators">
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Added</th>
              </tr>
            </thead>
            <tbody>
              {admins.map((a) => (
                <tr key={a.id}>
                  <td>
                    {a.email} {a.id === me.id && <span className="badge">you</span>}
                  </td>
                  <td className="nowrap">{formatDate(a.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
