/**
 * The decision engine's in-memory view of the authorization data. Everything a
 * check needs is here, so a check costs no database reads; the index is kept
 * fresh by replaying the change log (see ./sync.ts).
 */
import type { Condition } from "@/lib/grants/conditions";

export type SubjectType = "user" | "group" | "department" | "role";

export type ResourceNode = {
  id: string;
  typeKey: string;
  externalId: string;
  name: string;
  organizationId: string;
  parent: ResourceNode | null;
  children: ResourceNode[] | null;
  /** Grants whose target is this resource (not patterns). */
  grants: GrantNode[] | null;
  /**
   * Positions in `grants` by subject key, built on first use for a resource
   * with many grants (an organization root can hold thousands) and dropped
   * whenever `grants` changes: see grantsOfSubjects in ./decide.ts.
   */
  grantIndex: Map<string, number[]> | null;
  actions: string[] | null;
};

export type GrantNode = {
  id: string;
  organizationId: string;
  subjectType: SubjectType;
  subjectId: string;
  /** `${subjectType}:${subjectId}`, the form subject sets hold. */
  subjectKey: string;
  roleId: string | null;
  actions: string[] | null;
  resourceId: string | null;
  resourcePattern: string | null;
  effect: "allow" | "deny";
  conditions: Condition[] | null;
};

export type PermissionDef = { id: string; scopeId: string; key: string; action: string; resourceType: string; resourcePattern: string };

export type RoleDef = {
  id: string;
  slug: string;
  scopeId: string;
  resourceType: string | null;
  permissionIds: string[];
  includeIds: string[];
};

export type OrganizationDef = { id: string; externalId: string | null; scopeId: string; rootId: string | null };

export const subjectKey = (type: string, id: string) => `${type}:${id}`;
