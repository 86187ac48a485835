"use client";

import { createColumnHelper } from "@tanstack/react-table";
import type { PermissionView } from "@/lib/permissions/service";
import { deletePermissionAction } from "@/app/(console)/types/_actions/permissions";
import { DataTable } from "@/components/data-table/data-table";
import { DeleteButton } from "@/components/ui/delete-button";
import { DialogButton } from "@/components/ui/dialog-button";
import { ScopeBadge, scopeText } from "../scope-badge";
import { EditPermissionForm } from "./permission-forms";

const column = createColumnHelper<PermissionView>();

const columns = [
    column.accessor("key", { header: "Key", cell: (c) => <code>{c.getValue()}</code> }),
    column.accessor("resourceType", { header: "Resource type" }),
    column.accessor("action", { header: "Action" }),
    column.accessor("resourcePattern", { header: "Pattern", cell: (c) => <code>{c.getValue()}</code> }),
    column.accessor((p) => p.label ?? "", { id: "label", header: "Label" }),
    column.accessor(scopeText, {
      id: "scope",
      header: "Scope",
      cell: ({ row: { original: p } }) => <ScopeBadge inherited={p.inherited} definedInScopeId={p.definedInScopeId} />,
    }),
    column.display({
      id: "actions",
      header: () => <span className="visually-hidden">Actions</span>,
      cell: ({ row: { original: permission } }) =>
        permission.inherited ? null : (
          <div className="row-actions">
            <DialogButton label="Edit" ariaLabel={`Edit permission ${permission.key}`} title={`Edit permission ${permission.key}`} className="button button-ghost button-small">
              {(close) => <EditPermissionForm permission={permission} onDone={close} />}
            </DialogButton>
            <DeleteButton name={`permission ${permission.key}`} action={() => deletePermissionAction(permission.id)} />
          </div>
        ),
    }),
];

export function PermissionTable({ permissions }: { permissions: PermissionView[] }) {
  return (
    <DataTable
      data={permissions}
      columns={columns}
      label="permissions"
      singular="permission"
      getRowId={(p) => p.id}
      defaults={{ sort: [{ id: "key", desc: false }], pageSize: 25 }}
      empty="No permissions yet: create one, or apply a starter template."
      testId="permission-table"
    />
  );
}
