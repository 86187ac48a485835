/**
 * Lays the type hierarchy out in rows: a type sits one row below its deepest
 * parent (self-nesting and cycles are ignored for depth), and each row is
 * ordered by where its parents sit, which keeps most edges from crossing.
 */
export type GraphRule = { parentTypeKey: string; childTypeKey: string };
export type PlacedNode = { key: string; x: number; y: number; width: number };
export type PlacedEdge = GraphRule & { d: string };
export type GraphLayout = { nodes: PlacedNode[]; edges: PlacedEdge[]; width: number; height: number };

export const NODE_HEIGHT = 34;
const ROW_GAP = 64;
const COLUMN_GAP = 28;
const MARGIN = 24;
const CHAR_WIDTH = 7.6;

export const nodeWidth = (key: string) => Math.max(84, Math.round(key.length * CHAR_WIDTH + 28));

export function layoutGraph(rules: GraphRule[]): GraphLayout {
  const keys = [...new Set(rules.flatMap((r) => [r.parentTypeKey, r.childTypeKey]))].sort();
  const parents = new Map<string, string[]>(keys.map((k) => [k, []]));
  for (const r of rules) if (r.parentTypeKey !== r.childTypeKey) parents.get(r.childTypeKey)!.push(r.parentTypeKey);

  const depth = new Map<string, number>();
  const onPath = new Set<string>();
  const depthOf = (key: string): number => {
    const known = depth.get(key);
    if (known !== undefined) return known;
    if (onPath.has(key)) return -1; // a cycle: the edge that closes it does not push the type down
    onPath.add(key);
    const d = 1 + Math.max(-1, ...parents.get(key)!.map(depthOf));
    onPath.delete(key);
    depth.set(key, d);
    return d;
  };
  keys.forEach(depthOf);

  const rows: string[][] = [];
  for (const key of keys) (rows[depth.get(key)!] ??= []).push(key);
  const column = new Map<string, number>();
  rows.forEach((row, i) => {
    if (i > 0) {
      const mean = (key: string) => {
        const placed = parents.get(key)!.filter((p) => column.has(p)).map((p) => column.get(p)!);
        return placed.length ? placed.reduce((a, b) => a + b, 0) / placed.length : Number.MAX_SAFE_INTEGER;
      };
      row.sort((a, b) => mean(a) - mean(b) || a.localeCompare(b));
    }
    row.forEach((key, j) => column.set(key, j));
  });

  const rowWidths = rows.map((row) => row.reduce((sum, key) => sum + nodeWidth(key), 0) + COLUMN_GAP * (row.length - 1));
  // Room on the right for self-nesting loops.
  const width = Math.max(0, ...rowWidths) + MARGIN * 2 + 40;
  const nodes: PlacedNode[] = [];
  rows.forEach((row, i) => {
    let x = (width - rowWidths[i]) / 2;
    for (const key of row) {
      nodes.push({ key, x, y: MARGIN + i * (NODE_HEIGHT + ROW_GAP), width: nodeWidth(key) });
      x += nodeWidth(key) + COLUMN_GAP;
    }
  });
  const height = rows.length ? MARGIN * 2 + rows.length * NODE_HEIGHT + (rows.length - 1) * ROW_GAP : 0;
  return { nodes, edges: routeEdges(rules, nodes), width, height };
}

const centre = (n: PlacedNode) => n.x + n.width / 2;

/**
 * Downward edges leave a parent's bottom and enter a child's top at points
 * spread along the edge in the order of the other end, so edges sharing a
 * node fan out instead of overlapping. Self-nesting is a loop at the top
 * right corner; an edge pointing back up (a cycle) goes round the right side.
 */
function routeEdges(rules: GraphRule[], nodes: PlacedNode[]): PlacedEdge[] {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const down = rules.filter((r) => byKey.get(r.childTypeKey)!.y > byKey.get(r.parentTypeKey)!.y);
  const port = (node: PlacedNode, others: PlacedNode[], other: PlacedNode) => {
    const order = [...others].sort((a, b) => centre(a) - centre(b) || a.key.localeCompare(b.key));
    return node.x + (node.width * (order.indexOf(other) + 1)) / (order.length + 1);
  };
  const children = (key: string) => down.filter((r) => r.parentTypeKey === key).map((r) => byKey.get(r.childTypeKey)!);
  const parents = (key: string) => down.filter((r) => r.childTypeKey === key).map((r) => byKey.get(r.parentTypeKey)!);

  return rules.map((rule) => {
    const from = byKey.get(rule.parentTypeKey)!;
    const to = byKey.get(rule.childTypeKey)!;
    if (from === to) {
      const right = from.x + from.width;
      return { ...rule, d: `M ${right - 12} ${from.y} C ${right - 12} ${from.y - 26}, ${right + 26} ${from.y - 10}, ${right + 1} ${from.y + 10}` };
    }
    if (to.y > from.y) {
      const x1 = port(from, children(from.key), to);
      const y1 = from.y + NODE_HEIGHT;
      const x2 = port(to, parents(to.key), from);
      const y2 = to.y - 1;
      const bend = (y2 - y1) / 2;
      return { ...rule, d: `M ${x1} ${y1} C ${x1} ${y1 + bend}, ${x2} ${y2 - bend}, ${x2} ${y2}` };
    }
    const sx = from.x + from.width;
    const sy = from.y + NODE_HEIGHT / 2;
    const tx = to.x + to.width;
    const ty = to.y + NODE_HEIGHT / 2;
    return { ...rule, d: `M ${sx} ${sy} C ${sx + 60} ${sy}, ${tx + 60} ${ty}, ${tx + 1} ${ty}` };
  });
}
