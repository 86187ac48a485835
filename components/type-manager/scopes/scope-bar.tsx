"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { DialogButton } from "@/components/ui/dialog-button";
import { ScopeForm } from "./scope-form";
import { scopeChain, scopeOptions, type ScopeSummary } from "./scope-tree";

/** Picks the scope whose definitions the type manager shows (keeping the open tab) and creates child scopes. */
export function ScopeBar({ scopes, currentId }: { scopes: ScopeSummary[]; currentId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const tab = pathname.split("/").slice(3).join("/");
  const chain = scopeChain(scopes, currentId);
  const current = chain[chain.length - 1];

  return (
    <div className="scope-bar">
      <div className="field">
        <label htmlFor="scope-picker">Scope</label>
        <select id="scope-picker" value={currentId} onChange={(e) => router.push(`/types/${e.target.value}${tab ? `/${tab}` : ""}`)}>
          {scopeOptions(scopes).map((option) => (
            <option key={option.id} value={option.id}>
              {"\u00a0\u00a0\u00a0".repeat(option.depth)}
              {option.name} ({option.key})
            </option>
          ))}
        </select>
        <ol className="scope-chain" aria-label="Scope path">
          {chain.map((scope) => (
            <li key={scope.id}>
              {scope.id === currentId ? <span aria-current="page">{scope.name}</span> : <Link href={`/types/${scope.id}`}>{scope.name}</Link>}
            </li>
          ))}
        </ol>
      </div>
      <DialogButton label="New child scope" title={`New scope under ${current?.name ?? currentId}`}>
        {(close) => <ScopeForm parentId={currentId} onDone={close} />}
      </DialogButton>
    </div>
  );
}
