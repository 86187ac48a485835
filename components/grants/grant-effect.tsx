import Link from "next/link";
import type { ResourceLink } from "./grant-view";
import { resourceHref } from "./grant-view";

export type GrantEffect = {
  grantId: string;
  effect: "allow" | "deny";
  revision: number;
  /** The grant's resource; null for a pattern grant, which applies wherever the pattern matches. */
  resource: ResourceLink | null;
  users: { id: string; label: string; actions: string[]; direct: boolean }[];
  more: boolean;
};

/** What a saved grant changed: who can act on its resource now, read from the engine after the write. */
export function GrantEffectPanel({ effect }: { effect: GrantEffect }) {
  return (
    <section className="effect-panel" aria-labelledby="effect-title" data-testid="grant-effect">
      <h3 id="effect-title">
        Saved ({effect.effect}). Effect at revision {effect.revision}:
      </h3>
      {!effect.resource ? (
        <p className="small">
          A pattern grant applies to every resource whose external id (or type:external id) matches. Try one in the <Link href="/access">access checker</Link>.
        </p>
      ) : (
        <>
          <p className="small">
            Who can act on <Link href={resourceHref(effect.resource)}>{effect.resource.name}</Link> now:
          </p>
          {effect.users.length === 0 ? (
            <p className="muted small">Nobody: no user holds an allowed action here.</p>
          ) : (
            <ul className="effect-users">
              {effect.users.map((u) => (
                <li key={u.id}>
                  <Link href={`/subjects/users/${u.id}`}>{u.label}</Link>{" "}
                  <span className="mono small">{u.actions.join(", ")}</span>
                  {u.direct && <span className="badge">direct</span>}
                </li>
              ))}
            </ul>
          )}
          {effect.more && <p className="muted small">And more: see the resource page.</p>}
        </>
      )}
    </section>
  );
}
