import { useId } from "react";
import { layoutGraph, NODE_HEIGHT, type GraphRule } from "./graph-layout";

/** The type hierarchy as a drawing: an arrow from each parent type to the types it may contain. */
export function HierarchyGraph({ rules, inheritedKeys, scopeName }: { rules: GraphRule[]; inheritedKeys: string[]; scopeName: string }) {
  const id = useId();
  if (!rules.length) return <p className="empty">No hierarchy rules yet: without rules, any type may be placed under any other.</p>;
  const { nodes, edges, width, height } = layoutGraph(rules);
  const sentence = rules.map((r) => `${r.parentTypeKey} may contain ${r.childTypeKey}`).join("; ");

  return (
    <div className="graph-wrap">
      <svg className="graph" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} data-testid="hierarchy-graph">
        <title id={`${id}-title`}>{`Type hierarchy seen from ${scopeName}`}</title>
        <desc id={`${id}-desc`}>{sentence}</desc>
        <defs>
          <marker id={`${id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="#6b7a71" />
          </marker>
        </defs>
        {edges.map((edge) => (
          <path
            key={`${edge.parentTypeKey}>${edge.childTypeKey}`}
            className="edge"
            d={edge.d}
            markerEnd={`url(#${id}-arrow)`}
            data-testid={`hierarchy-edge-${edge.parentTypeKey}-${edge.childTypeKey}`}
          />
        ))}
        {nodes.map((node) => (
          <g key={node.key} className={inheritedKeys.includes(node.key) ? "node inherited" : "node"} data-testid={`hierarchy-node-${node.key}`}>
            <rect x={node.x} y={node.y} width={node.width} height={NODE_HEIGHT} rx={6} />
            <text x={node.x + node.width / 2} y={node.y + NODE_HEIGHT / 2} textAnchor="middle" dominantBaseline="central">
              {node.key}
            </text>
          </g>
        ))}
      </svg>
    </div>
  );
}
