import type { Condition } from "@/lib/grants/conditions";

export type ResourceLink = { id: string; organizationId: string; name: string; type: string; externalId: string };

/** A grant as the console's tables show it; built on the server by toGrantViews. */
export type GrantView = {
  id: string;
  organizationId: string;
  subject: { type: string; id: string; label: string };
  role: string | null;
  actions: string[] | null;
  target: ResourceLink | null;
  pattern: string | null;
  effect: "allow" | "deny";
  conditions: Condition[] | null;
  createdAt: string;
  /** For an inherited grant: the ancestor it sits on, or the resource its pattern matches. */
  source?: ResourceLink & { viaPattern: boolean };
};

export const resourceHref = (r: { organizationId: string; id: string }) => `/resources/${r.organizationId}/${r.id}`;

export const SUBJECT_PAGES: Record<string, string> = { user: "users", group: "groups", department: "departments" };

/** Where a subject is shown in the console; roles live in the type manager. */
export const subjectHref = (s: { type: string; id: string }) => (SUBJECT_PAGES[s.type] ? `/subjects/${SUBJECT_PAGES[s.type]}/${s.id}` : null);

export function conditionText(c: Condition): string {
  const value = Array.isArray(c.value) ? c.value.join(", ") : String(c.value);
  return `${c.param} ${c.operator} ${value}`;
}
