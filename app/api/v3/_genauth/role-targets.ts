/** `assign-role` / `revoke-role`: the role and the principals it is given to or taken from. */
import { z } from "zod";
import type { Database } from "@/db/client";
import type { Organization } from "@/lib/organizations/service";
import type { RoleHolding } from "@/lib/grants/role-holders";
import { optionalNamespace } from "./params";
import { requireNamespace } from "./namespaces";
import { requireRole, roleCode } from "./roles";
import { subjectOf } from "./targets";

export const roleTargetsSchema = z.object({
  code: roleCode,
  namespace: optionalNamespace,
  // A role is held by users, groups and departments; a role cannot hold a role.
  targets: z.array(z.object({ targetType: z.enum(["USER", "GROUP", "DEPARTMENT"]), targetIdentifier: z.string().min(1).max(256) })).min(1).max(100),
});

export async function roleHoldings(db: Database, organization: Organization, q: z.output<typeof roleTargetsSchema>): Promise<RoleHolding[]> {
  const namespace = await requireNamespace(db, organization, q.namespace);
  const role = await requireRole(db, organization, namespace.key, q.code);
  const holdings: RoleHolding[] = [];
  for (const [i, t] of q.targets.entries()) {
    holdings.push({ subject: await subjectOf(db, organization, namespace.key, t.targetType, t.targetIdentifier, `targets.${i}.targetIdentifier`), role: role.id });
  }
  return holdings;
}
