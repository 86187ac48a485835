import type { Department } from "@/lib/subjects/departments";

export type DepartmentNode = Department & { depth: number; children: DepartmentNode[] };

/** Departments of one organization as a forest, each level by name; built in memory from one bounded list. */
export function departmentTree(rows: Department[]): { roots: DepartmentNode[]; flat: DepartmentNode[] } {
  const nodes = new Map<string, DepartmentNode>(rows.map((d) => [d.id, { ...d, depth: 0, children: [] }]));
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const flat: DepartmentNode[] = [];
  const visit = (list: DepartmentNode[], depth: number) => {
    list.sort((a, b) => a.name.localeCompare(b.name));
    for (const n of list) {
      n.depth = depth;
      flat.push(n);
      visit(n.children, depth + 1);
    }
  };
  visit(roots, 0);
  return { roots, flat };
}
