import Link from "next/link";
import { TypeIcon } from "@/components/resources/type-icon";

export type PathNode = { id: string; organizationId: string; name: string; type: string; externalId: string };

/** A grant drawn where it sits on the path: its target node, and the stretch from there down to the resource. */
export type PathMark = { targetId: string; label: string; kind: "allow" | "deny" | "overridden" };

/**
 * The resource's branch of the tree, from the organization's root down,
 * with each deciding grant drawn on the node it sits on and the stretch it
 * covers down to the resource highlighted.
 */
export function ExplainPath({ chain, marks }: { chain: PathNode[]; marks: PathMark[] }) {
  const deciding = marks.filter((m) => m.kind !== "overridden");
  const firstCovered = Math.min(...deciding.map((m) => chain.findIndex((n) => n.id === m.targetId)).filter((i) => i >= 0), chain.length);
  const decidingKind = deciding[0]?.kind;
  return (
    <ol className="explain-path" aria-label={`Path from ${chain[0]?.name} to ${chain[chain.length - 1]?.name}`} data-testid="explain-path">
      {chain.map((node, i) => {
        const here = marks.filter((m) => m.targetId === node.id);
        const covered = i >= firstCovered;
        const isResource = i === chain.length - 1;
        return (
          <li
            key={node.id}
            className={`explain-node${covered ? ` covered covered-${decidingKind}` : ""}${isResource ? " is-resource" : ""}`}
            style={{ marginLeft: `${i * 1.25}rem` }}
            data-testid={`path-node-${node.externalId}`}
          >
            <Link href={`/resources/${node.organizationId}/${node.id}`} className="resource-link">
              <TypeIcon type={node.type} /> {node.name}
            </Link>{" "}
            <span className="muted small mono">{node.type}</span>
            {isResource && <span className="badge">checked resource</span>}
            {here.map((m, j) => (
              <span key={j} className={`path-grant path-grant-${m.kind}`}>
                {m.kind === "overridden" ? "overridden: " : ""}
                {m.label}
              </span>
            ))}
          </li>
        );
      })}
    </ol>
  );
}
