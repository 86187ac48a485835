"use client";

import { createColumnHelper } from "@tanstack/react-table";
import type { RoleView } from "@/lib/roles/service";
import { deleteRoleAction } from "@/app/(console)/types/_actions/roles";
import { DataTable } from "@/components/data-table/data-table";
import { DeleteButton } from "@/components/ui/delete-button";
import { DialogButton } from "@/components/ui/dialog-button";
import { ScopeBadge, scopeText } from "../scope-badge";
import { EditRoleForm } from "./role-forms";

const column = createColumnHelper<RoleView>();

const columns = [
    column.accessor("slug", { header: "Slug", cell: (c) => <code>{c.getValue()}</code> }),
    column.accessor("name", { header: "Name" }),
    column.accessor((r) => r.resourceType ?? "any type", { id: "resourceType", header: "Resource type" }),
    column.accessor((r) => r.permissions.length, {
      id: "permissions",
      header: "Permissions",
      enableGlobalFilter: false,
      cell: ({ row: { original: r } }) => <span title={r.permissions.join("\n")}>{r.permissions.length}</span>,
    }),
    column.accessor((r) => r.includes.join(", "), { id: "includes", header: "Includes" }),
    column.accessor(scopeText, {
      id: "scope",
      header: "Scope",
      cell: ({ row: { original: r } }) => <ScopeBadge inherited={r.inherited} definedInScopeId={r.definedInScopeId} />,
    }),
    column.display({
      id: "actions",
      header: () => <span className="visually-hidden">Actions</span>,
      // Includes may name any role the scope sees: the table's own rows.
      cell: ({ row: { original: role }, table }) =>
        role.inherited ? null : (
          <div className="row-actions">
            <DialogButton label="Edit" ariaLabel={`Edit role ${role.slug}`} title={`Edit role ${role.slug}`} className="button button-ghost button-small">
              {(close) => <EditRoleForm role={role} roleSlugs={table.options.data.map((r) => r.slug)} onDone={close} />}
            </DialogButton>
            <DeleteButton name={`role ${role.slug}`} action={() => deleteRoleAction(role.id)} />
          </div>
        ),
    }),
];

export function RoleTable({ roles }: { roles: RoleView[] }) {
  return (
    <DataTable
      data={roles}
      columns={columns}
      label="roles"
      singular="role"
      getRowId={(r) => r.id}
      defaults={{ sort: [{ id: "slug", desc: false }] }}
      empty="No roles yet."
      testId="role-table"
    />
  );
}
