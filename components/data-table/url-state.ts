"use client";

import { useEffect, useState } from "react";
import { useSearchParams } from "next/navigation";
import type { PaginationState, SortingState } from "@tanstack/react-table";

export const PAGE_SIZES = [10, 25, 50, 100];

export type TableUrlDefaults = { sort?: SortingState; pageSize?: number };

/**
 * Table state (filter, sort, page) lives in the address bar, so a filtered
 * view can be bookmarked or shared. The state starts from the URL and is
 * written back with history.replaceState, which Next.js folds into its
 * router without asking the server to render the page again. The parameter
 * names are plain (q, sort, page, size): one such table per page.
 */
export function useTableUrlState(defaults: TableUrlDefaults) {
  const params = useSearchParams();
  const defaultSort = formatSort(defaults.sort ?? []);
  const [globalFilter, setGlobalFilter] = useState(() => params.get("q") ?? "");
  const [sorting, setSorting] = useState<SortingState>(() => parseSort(params.get("sort")) ?? defaults.sort ?? []);
  const defaultSize = defaults.pageSize ?? PAGE_SIZES[0];
  const [pagination, setPagination] = useState<PaginationState>(() => ({
    pageIndex: Math.max(0, Number(params.get("page") ?? 1) - 1) || 0,
    pageSize: PAGE_SIZES.includes(Number(params.get("size"))) ? Number(params.get("size")) : defaultSize,
  }));

  useEffect(() => {
    const next = new URLSearchParams(window.location.search);
    const put = (name: string, value: string | null) => (value ? next.set(name, value) : next.delete(name));
    put("q", globalFilter || null);
    const sort = formatSort(sorting);
    put("sort", sort !== defaultSort ? sort || "none" : null);
    put("page", pagination.pageIndex > 0 ? String(pagination.pageIndex + 1) : null);
    put("size", pagination.pageSize !== defaultSize ? String(pagination.pageSize) : null);
    const query = next.toString();
    if (query !== window.location.search.replace(/^\?/, "")) {
      window.history.replaceState(window.history.state, "", `${window.location.pathname}${query ? `?${query}` : ""}`);
    }
  }, [globalFilter, sorting, pagination, defaultSize, defaultSort]);

  return { globalFilter, setGlobalFilter, sorting, setSorting, pagination, setPagination };
}

/** `key.asc,name.desc`; the empty string for no sorting. */
const formatSort = (sorting: SortingState) => sorting.map((s) => `${s.id}.${s.desc ? "desc" : "asc"}`).join(",");

function parseSort(text: string | null): SortingState | null {
  if (!text) return null;
  if (text === "none") return [];
  return text.split(",").map((part) => {
    const [id, direction] = part.split(".");
    return { id, desc: direction === "desc" };
  });
}
