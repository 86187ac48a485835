/**
 * Users, groups and departments in GenAuth's shape. A GenAuth organization
 * (a department tree with an `organizationCode`) is a top-level department of
 * the access key's organization whose external id is that code.
 */
import { z } from "zod";
import type { Database } from "@/db/client";
import { ArborError, notFound } from "@/lib/shared/errors";
import type { Organization } from "@/lib/organizations/service";
import { getDepartment } from "@/lib/subjects/departments";
import type { Department, Group, User } from "@/lib/subjects/refs";
import { userIdType } from "./params";

/** Users are looked up by id or external id; the other GenAuth id types name fields Arbor does not keep. */
export const supportedUserIdType = userIdType.pipe(z.enum(["user_id", "external_id"], "userIdType: only user_id and external_id are supported"));

export const userDto = (u: User) => ({
  userId: u.id,
  externalId: u.externalId ?? undefined,
  email: u.email ?? undefined,
  name: u.name ?? undefined,
  givenName: u.firstName ?? undefined,
  familyName: u.lastName ?? undefined,
  status: "Activated",
  workStatus: "Active",
  gender: "U",
  emailVerified: false,
  phoneVerified: false,
  userSourceType: "manual",
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

export const groupDto = (g: Group) => ({
  id: g.id,
  code: g.externalId,
  name: g.name,
  description: g.description ?? "",
  type: "static",
  metadataSource: [],
  members: [],
});

/** The top-level department standing for a GenAuth organization. */
export async function requireGenAuthOrganization(db: Database, organization: Organization, code: string): Promise<Department> {
  const top = await getDepartment(db, code, { organization: organization.id }, "organizationCode").catch((error: unknown) => {
    if (error instanceof ArborError && (error.kind === "not_found" || error.kind === "conflict")) return undefined;
    throw error;
  });
  if (!top || top.parentId !== null || top.externalId !== code) throw notFound("organization", code, "organizationCode");
  return top;
}

export const organizationDto = (top: Department) => ({
  organizationCode: top.externalId,
  organizationName: top.name,
  description: top.description ?? "",
  departmentId: top.id,
  hasChildren: false,
  membersCount: 0,
  isVirtualNode: false,
  createdAt: top.createdAt.toISOString(),
  updatedAt: top.updatedAt.toISOString(),
});

/** A department's own code, when it was given one (otherwise its external id is its id). */
const codeOf = (d: Department) => (d.externalId === d.id ? undefined : d.externalId);

export const departmentDto = (d: Department, organizationCode: string, parent: Department) => ({
  organizationCode,
  departmentId: d.id,
  name: d.name,
  description: d.description ?? "",
  code: codeOf(d),
  parentDepartmentId: parent.id,
  parentDepartmentCode: codeOf(parent) ?? "",
  membersCount: 0,
  hasChildren: false,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
});
