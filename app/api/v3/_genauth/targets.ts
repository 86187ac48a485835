/**
 * GenAuth principals ↔ domain subjects. USER is a user id (or external id),
 * ROLE a role code in the request's namespace, GROUP a group code (the
 * group's external id in the organization), DEPARTMENT a department id (or
 * code). Going back, a subject is named the way GenAuth names it.
 */
import type { Database } from "@/db/client";
import type { Organization } from "@/lib/organizations/service";
import { getUser } from "@/lib/subjects/users";
import { getGroup } from "@/lib/subjects/groups";
import { getDepartment } from "@/lib/subjects/departments";
import { findRole } from "@/lib/roles/service";
import type { TargetType } from "./params";
import { parseRoleSlug, requireRole } from "./roles";

export const SUBJECT_TYPE: Record<TargetType, "user" | "role" | "group" | "department"> = {
  USER: "user",
  ROLE: "role",
  GROUP: "group",
  DEPARTMENT: "department",
};

const TARGET_TYPE: Record<string, TargetType> = { user: "USER", role: "ROLE", group: "GROUP", department: "DEPARTMENT" };

/** The subject's id (`user_…`, `role_…`, `group_…`, `dept_…`): a subject reference every part of the domain accepts. */
export async function subjectOf(db: Database, organization: Organization, namespace: string, type: TargetType, identifier: string, field: string): Promise<string> {
  switch (type) {
    case "USER":
      return (await getUser(db, identifier, field)).id;
    case "ROLE":
      return (await requireRole(db, organization, namespace, identifier, field)).id;
    case "GROUP":
      return (await getGroup(db, identifier, { organization: organization.id }, field)).id;
    case "DEPARTMENT":
      return (await getDepartment(db, identifier, { organization: organization.id }, field)).id;
  }
}

/** How GenAuth names a grant's subject. */
export async function targetOf(db: Database, subjectType: string, subjectId: string): Promise<{ targetType: TargetType; targetIdentifier: string }> {
  const targetType = TARGET_TYPE[subjectType];
  if (subjectType === "group") return { targetType, targetIdentifier: (await getGroup(db, subjectId)).externalId };
  if (subjectType === "role") return { targetType, targetIdentifier: parseRoleSlug((await findRole(db, subjectId)).slug).code };
  return { targetType, targetIdentifier: subjectId };
}
