"use client";

import { createColumnHelper } from "@tanstack/react-table";
import type { TypeRule } from "@/lib/resource-types/hierarchy";
import { deleteTypeRuleAction } from "@/app/(console)/types/_actions/hierarchy";
import { DataTable } from "@/components/data-table/data-table";
import { DeleteButton } from "@/components/ui/delete-button";
import { formatDate } from "@/components/ui/format";

const column = createColumnHelper<TypeRule>();

const columns = [
  column.accessor("parentTypeKey", { header: "Parent type", cell: (c) => <code>{c.getValue()}</code> }),
  column.accessor("childTypeKey", { header: "Child type", cell: (c) => <code>{c.getValue()}</code> }),
  column.accessor((r) => (r.parentTypeKey === r.childTypeKey ? "self-nesting" : ""), {
    id: "note",
    header: "Note",
    cell: (c) => (c.getValue() ? <span className="badge">{c.getValue()}</span> : null),
  }),
  column.accessor((r) => new Date(r.createdAt).getTime(), { id: "created", header: "Created", enableGlobalFilter: false, cell: (c) => <span className="nowrap">{formatDate(c.row.original.createdAt)}</span> }),
  column.display({
    id: "actions",
    header: () => <span className="visually-hidden">Actions</span>,
    cell: ({ row: { original: rule } }) => (
      <div className="row-actions">
        <DeleteButton
          name={`rule ${rule.parentTypeKey} → ${rule.childTypeKey}`}
          consequence={`New ${rule.childTypeKey} resources will no longer be allowed under ${rule.parentTypeKey}. If this is the last rule for ${rule.childTypeKey}, it may be placed anywhere.`}
          action={() => deleteTypeRuleAction(rule.id)}
        />
      </div>
    ),
  }),
];

export function RuleTable({ rules }: { rules: TypeRule[] }) {
  return (
    <DataTable
      data={rules}
      columns={columns}
      label="hierarchy rules"
      singular="hierarchy rule"
      getRowId={(r) => r.id}
      defaults={{ sort: [{ id: "parentTypeKey", desc: false }] }}
      empty="No hierarchy rules: any type may be placed under any other."
      testId="rule-table"
    />
  );
}
