import { listPermissions } from "@/lib/permissions/service";
import { listResourceTypes } from "@/lib/resource-types/service";
import { ActionMatrix } from "@/components/type-manager/permissions/action-matrix";
import { NewPermissionButton } from "@/components/type-manager/permissions/permission-forms";
import { PermissionTable } from "@/components/type-manager/permissions/permission-table";
import { loadScope, type ScopeParams } from "../_lib/load-scope";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";

export default async function PermissionsPage({ params }: ScopeParams) {
  await requireAdmin();
  const { db, scope } = await loadScope((await params).scope);
  const [types, permissions] = await Promise.all([listResourceTypes(db, scope.id), listPermissions(db, scope.id)]);
  const typeKeys = types.map((t) => t.key);
  return (
    <>
      <section className="panel" aria-labelledby="permissions-title">
        <div className="panel-header">
          <div>
            <h2 id="permissions-title">Permissions</h2>
            <p>
              An action on a resource type, optionally only on resources whose external id matches a pattern: <code>type:action:pattern</code>.
            </p>
          </div>
          <NewPermissionButton scopeId={scope.id} scopeName={scope.name} typeKeys={typeKeys} />
        </div>
        <PermissionTable permissions={permissions} />
      </section>
      <section className="panel" aria-labelledby="action-matrix-title">
        <div className="panel-header">
          <h2 id="action-matrix-title">Actions per type</h2>
        </div>
        <ActionMatrix typeKeys={typeKeys} permissions={permissions} />
      </section>
    </>
  );
}
