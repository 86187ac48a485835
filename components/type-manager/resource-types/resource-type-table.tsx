"use client";

import { createColumnHelper } from "@tanstack/react-table";
import type { ResourceTypeView } from "@/lib/resource-types/service";
import { deleteResourceTypeAction } from "@/app/(console)/types/_actions/resource-types";
import { DataTable } from "@/components/data-table/data-table";
import { DeleteButton } from "@/components/ui/delete-button";
import { DialogButton } from "@/components/ui/dialog-button";
import { formatDate } from "@/components/ui/format";
import { ScopeBadge, scopeText } from "../scope-badge";
import { EditResourceTypeForm } from "./resource-type-forms";

const column = createColumnHelper<ResourceTypeView>();
// Types the bootstrap migration made (the organization type) are not for people to change.
const SYSTEM = "system";

const columns = [
    column.accessor("key", { header: "Key", cell: (c) => <code>{c.getValue()}</code> }),
    column.accessor("name", { header: "Name" }),
    column.accessor((t) => t.description ?? "", { id: "description", header: "Description", cell: (c) => <span className="muted">{c.getValue()}</span> }),
    column.accessor(scopeText, {
      id: "scope",
      header: "Scope",
      cell: ({ row: { original: t } }) => <ScopeBadge inherited={t.inherited} definedInScopeId={t.definedInScopeId} />,
    }),
    column.accessor((t) => new Date(t.createdAt).getTime(), { id: "created", header: "Created", enableGlobalFilter: false, cell: (c) => <span className="nowrap">{formatDate(c.row.original.createdAt)}</span> }),
    column.display({
      id: "actions",
      header: () => <span className="visually-hidden">Actions</span>,
      cell: ({ row: { original: type } }) =>
        type.inherited ? null : type.createdBy === SYSTEM ? (
          <span className="muted small" title="Arbor itself relies on this type">built in</span>
        ) : (
          <div className="row-actions">
            <DialogButton label="Edit" ariaLabel={`Edit resource type ${type.key}`} title={`Edit resource type ${type.key}`} className="button button-ghost button-small">
              {(close) => <EditResourceTypeForm type={type} onDone={close} />}
            </DialogButton>
            <DeleteButton name={`resource type ${type.key}`} action={() => deleteResourceTypeAction(type.id)} />
          </div>
        ),
    }),
];

export function ResourceTypeTable({ types }: { types: ResourceTypeView[] }) {
  return (
    <DataTable
      data={types}
      columns={columns}
      label="resource types"
      singular="resource type"
      getRowId={(t) => t.id}
      defaults={{ sort: [{ id: "key", desc: false }] }}
      empty="No resource types yet: create one, or apply a starter template."
      testId="resource-type-table"
    />
  );
}
