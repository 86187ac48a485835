"use client";

import { useEffect, useId, useState } from "react";
import { searchTreeAction } from "@/app/(console)/resources/_actions/tree";
import { TypeIcon } from "../type-icon";
import type { SearchHitNode } from "./tree-types";

/** Waits this long after the last keystroke before asking the server. */
const DEBOUNCE_MS = 250;

type Props = {
  organizationId: string;
  query: string;
  onQueryChange: (query: string) => void;
  onPick: (hit: SearchHitNode) => void;
  label?: string;
};

type Outcome = { query: string; hits: SearchHitNode[]; more: boolean; error?: string };

/**
 * Server-side search by name or external id. Each hit shows the path from
 * the organization down to it; picking one lets the caller reveal it.
 */
export function TreeSearch({ organizationId, query, onQueryChange, onPick, label = "Search resources" }: Props) {
  const inputId = useId();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const trimmed = query.trim();

  useEffect(() => {
    if (!trimmed) return setOutcome(null);
    let current = true;
    const timer = setTimeout(async () => {
      const result = await searchTreeAction(organizationId, trimmed);
      if (!current) return;
      setOutcome(result.error ? { query: trimmed, hits: [], more: false, error: result.error.message } : { query: trimmed, ...result.data });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [organizationId, trimmed]);

  const pending = trimmed && outcome?.query !== trimmed;
  return (
    <div className="tree-search">
      <div className="field">
        <label htmlFor={inputId}>{label}</label>
        <input
          id={inputId}
          type="search"
          value={query}
          placeholder="Name or external id…"
          autoComplete="off"
          onChange={(e) => onQueryChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape") onQueryChange("");
            if (e.key === "ArrowDown") {
              e.preventDefault();
              (e.currentTarget.closest(".tree-search")?.querySelector(".search-hit") as HTMLElement | null)?.focus();
            }
          }}
        />
      </div>
      {trimmed && (
        <div className="search-results" aria-live="polite" aria-busy={pending ? true : undefined}>
          {pending && <p className="muted small">Searching…</p>}
          {!pending && outcome?.error && <p className="field-error">{outcome.error}</p>}
          {!pending && outcome && !outcome.error && outcome.hits.length === 0 && <p className="muted small">Nothing matches “{trimmed}”.</p>}
          {!pending && outcome && outcome.hits.length > 0 && (
            <ul className="search-hits" aria-label={`Resources matching ${trimmed}`}>
              {outcome.hits.map((hit) => (
                <li key={hit.id}>
                  <button type="button" className="search-hit" onClick={() => onPick(hit)} onKeyDown={(e) => moveBetweenHits(e)}>
                    <span className="search-hit-name">
                      <TypeIcon type={hit.type} /> {hit.name} <span className="muted small mono">{hit.type}:{hit.externalId}</span>
                    </span>
                    <span className="search-hit-path small muted">{hit.path.map((p) => p.name).join(" › ")}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {!pending && outcome?.more && <p className="muted small">More match: type more of the name to narrow the list.</p>}
        </div>
      )}
    </div>
  );
}

function moveBetweenHits(event: React.KeyboardEvent<HTMLButtonElement>) {
  const li = event.currentTarget.parentElement;
  const target = event.key === "ArrowDown" ? li?.nextElementSibling : event.key === "ArrowUp" ? li?.previousElementSibling : null;
  if (!target) return;
  event.preventDefault();
  (target.querySelector(".search-hit") as HTMLElement | null)?.focus();
}
