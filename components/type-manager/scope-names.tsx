"use client";

import { createContext, useContext } from "react";

const ScopeNames = createContext<Record<string, string>>({});

/**
 * Scope names for everything inside the type manager, so table columns can be
 * fixed module-level definitions: a column list rebuilt on every render would
 * remount each cell, closing any dialog opened from a row.
 */
export function ScopeNamesProvider({ names, children }: { names: Record<string, string>; children: React.ReactNode }) {
  return <ScopeNames.Provider value={names}>{children}</ScopeNames.Provider>;
}

export const useScopeName = (scopeId: string) => useContext(ScopeNames)[scopeId] ?? scopeId;
