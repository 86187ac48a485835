"use client";

import Link from "next/link";
import { useScopeName } from "./scope-names";

type Defined = { inherited: boolean; definedInScopeId: string };

/** Where a definition lives: this scope, or an ancestor it is inherited from (linked, since it is edited there). */
export function ScopeBadge({ inherited, definedInScopeId }: Defined) {
  const name = useScopeName(definedInScopeId);
  if (!inherited) return <span className="badge badge-own">this scope</span>;
  return (
    <Link className="badge" href={`/types/${definedInScopeId}`} title="Inherited: edit it in the scope that defines it">
      inherited from {name}
    </Link>
  );
}

/** What the scope column sorts and filters on. */
export const scopeText = (row: Defined) => (row.inherited ? `inherited ${row.definedInScopeId}` : "this scope");
