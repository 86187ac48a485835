"use client";

import { useEffect, useId } from "react";
import {
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getPaginationRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type Header,
} from "@tanstack/react-table";
import { PAGE_SIZES, useTableUrlState, type TableUrlDefaults } from "./url-state";

type Props<T> = {
  data: T[];
  // Column value types differ per column; `any` is how TanStack's own docs type a mixed list.
  columns: ColumnDef<T, any>[];
  /** What the rows are, plural and singular ("resource types", "resource type"): names the table, its filter box and its count. */
  label: string;
  singular: string;
  getRowId: (row: T) => string;
  empty: React.ReactNode;
  defaults?: TableUrlDefaults;
  testId?: string;
};

/** A client-side table over rows the server already loaded: filter, sort and page, with the state in the URL. */
export function DataTable<T>({ data, columns, label, singular, getRowId, empty, defaults = {}, testId }: Props<T>) {
  const state = useTableUrlState(defaults);
  const filterId = useId();
  const table = useReactTable({
    data,
    columns,
    getRowId,
    state: { globalFilter: state.globalFilter, sorting: state.sorting, pagination: state.pagination },
    onGlobalFilterChange: (updater) => {
      state.setGlobalFilter(updater);
      state.setPagination((p) => ({ ...p, pageIndex: 0 }));
    },
    onSortingChange: state.setSorting,
    onPaginationChange: state.setPagination,
    globalFilterFn: "includesString",
    // Keep the page across refreshes after an edit; filtering resets it explicitly above.
    autoResetPageIndex: false,
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getPaginationRowModel: getPaginationRowModel(),
  });

  const pageCount = table.getPageCount();
  const { pageIndex, pageSize } = state.pagination;
  // A delete can leave the current page past the end; step back to the last page that exists.
  useEffect(() => {
    if (pageCount > 0 && pageIndex >= pageCount) state.setPagination((p) => ({ ...p, pageIndex: pageCount - 1 }));
  }, [pageCount, pageIndex, state.setPagination]);

  const rows = table.getRowModel().rows;
  const filtered = table.getFilteredRowModel().rows.length;

  return (
    <div data-testid={testId}>
      <div className="table-toolbar">
        <div className="field">
          <label htmlFor={filterId}>Filter {label}</label>
          <input id={filterId} type="search" value={state.globalFilter} onChange={(e) => table.setGlobalFilter(e.target.value)} placeholder="Type to filter…" />
        </div>
        <span className="muted small" aria-live="polite">
          {filtered === data.length ? `${data.length} ${data.length === 1 ? singular : label}` : `${filtered} of ${data.length} ${label}`}
        </span>
      </div>
      <div className="table-scroll">
        <table className="table" aria-label={label}>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <HeaderCell key={header.id} header={header} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
                ))}
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={columns.length} className="empty">
                  {data.length === 0 ? empty : `No ${label} match “${state.globalFilter}”.`}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {filtered > PAGE_SIZES[0] && (
        <nav className="pagination" aria-label={`${label} pages`}>
          <span>
            Page {pageIndex + 1} of {Math.max(pageCount, 1)}
          </span>
          <div className="pagination-controls">
            <label>
              Rows per page{" "}
              <select value={pageSize} onChange={(e) => table.setPageSize(Number(e.target.value))}>
                {PAGE_SIZES.map((size) => (
                  <option key={size} value={size}>
                    {size}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button button-small" onClick={() => table.previousPage()} disabled={!table.getCanPreviousPage()}>
              Previous
            </button>
            <button type="button" className="button button-small" onClick={() => table.nextPage()} disabled={!table.getCanNextPage()}>
              Next
            </button>
          </div>
        </nav>
      )}
    </div>
  );
}

function HeaderCell<T>({ header }: { header: Header<T, unknown> }) {
  const content = header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext());
  if (!header.column.getCanSort()) return <th scope="col">{content}</th>;
  const sorted = header.column.getIsSorted();
  return (
    <th scope="col" aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}>
      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
        {content}
        <span className="sort-indicator" aria-hidden="true">
          {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
        </span>
      </button>
    </th>
  );
}
