import { listPermissions } from "@/lib/permissions/service";
import { listResourceTypes } from "@/lib/resource-types/service";
import { listRoles } from "@/lib/roles/service";
import { NewRoleButton } from "@/components/type-manager/roles/role-forms";
import { RolePermissionMatrix } from "@/components/type-manager/roles/role-permission-matrix";
import { RoleTable } from "@/components/type-manager/roles/role-table";
import { loadScope, type ScopeParams } from "../_lib/load-scope";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";

export default async function RolesPage({ params }: ScopeParams) {
  await requireAdmin();
  const { db, scope } = await loadScope((await params).scope);
  const [types, permissions, roles] = await Promise.all([listResourceTypes(db, scope.id), listPermissions(db, scope.id), listRoles(db, scope.id)]);
  return (
    <>
      <section className="panel" aria-labelledby="roles-title">
        <div className="panel-header">
          <div>
            <h2 id="roles-title">Roles</h2>
            <p>A role bundles permissions and may include other roles (an editor includes a viewer).</p>
          </div>
          <NewRoleButton scopeId={scope.id} scopeName={scope.name} typeKeys={types.map((t) => t.key)} roleSlugs={roles.map((r) => r.slug)} />
        </div>
        <RoleTable roles={roles} />
      </section>
      <section className="panel" aria-labelledby="matrix-title">
        <div className="panel-header">
          <div>
            <h2 id="matrix-title">Role × permission matrix</h2>
            <p>Tick a box to give a role a permission; each change is saved at once.</p>
          </div>
        </div>
        <RolePermissionMatrix roles={roles} permissions={permissions} />
      </section>
    </>
  );
}
