import { z } from "zod";
import { pageQuerySchema } from "@/lib/shared/paging";
import { descriptionSchema, externalIdSchema, flagSchema, nameSchema } from "@/lib/resources/schemas";

/** A reference to an organization, user, group, department or membership: an id, an external id or a compact ref. */
const refSchema = z.string().min(1).max(400);
const searchSchema = z.string().trim().min(1).max(200);

export const createUserSchema = z
  .object({
    externalId: externalIdSchema.optional().describe("your id for the user; unique"),
    email: z.email().max(320).optional(),
    name: nameSchema.optional(),
    firstName: nameSchema.optional(),
    lastName: nameSchema.optional(),
  })
  .strict();

export const updateUserSchema = z
  .object({
    externalId: externalIdSchema.nullable().optional(),
    email: z.email().max(320).nullable().optional(),
    name: nameSchema.nullable().optional(),
    firstName: nameSchema.nullable().optional(),
    lastName: nameSchema.nullable().optional(),
  })
  .strict();

export const listUsersQuerySchema = pageQuerySchema.extend({ search: searchSchema.optional() }).strip();

export const MEMBERSHIP_STATUSES = ["active", "inactive", "pending"] as const;

export const createMembershipSchema = z
  .object({
    userId: refSchema.describe("user id, external id or user:<externalId>"),
    organizationId: refSchema.describe("organization id or external id"),
    status: z.enum(MEMBERSHIP_STATUSES).default("active"),
  })
  .strict();

export const listMembershipsQuerySchema = pageQuerySchema
  .extend({ organization: refSchema.optional(), user: refSchema.optional() })
  .strip();

export const createGroupSchema = z
  .object({
    organizationId: refSchema.optional().describe("absent = an environment-wide group"),
    externalId: externalIdSchema.optional().describe("unique within the organization; defaults to the id"),
    name: nameSchema,
    description: descriptionSchema.optional(),
  })
  .strict();

export const updateGroupSchema = z
  .object({ name: nameSchema.optional(), description: descriptionSchema.nullable().optional() })
  .strict();

export const listGroupsQuerySchema = pageQuerySchema
  .extend({ organization: refSchema.optional(), search: searchSchema.optional() })
  .strip();

export const GROUP_MEMBER_TYPES = ["user", "group"] as const;

export const groupMemberSchema = z
  .object({
    type: z.enum(GROUP_MEMBER_TYPES).optional().describe("may be left out when id is a prefixed id or a compact ref"),
    id: refSchema.describe("id, external id or compact ref (user:alice, group:eng)"),
  })
  .strict();

export const createDepartmentSchema = z
  .object({
    organizationId: refSchema,
    externalId: externalIdSchema.optional().describe("unique within the organization; defaults to the id"),
    name: nameSchema,
    description: descriptionSchema.optional(),
    parentId: refSchema.optional().describe("parent department; absent = top level"),
  })
  .strict();

export const updateDepartmentSchema = z
  .object({
    name: nameSchema.optional(),
    description: descriptionSchema.nullable().optional(),
    parentId: refSchema.nullable().optional().describe("moves the department; null = top level"),
  })
  .strict();

export const listDepartmentsQuerySchema = pageQuerySchema
  .extend({ organization: refSchema, parentId: refSchema.optional(), search: searchSchema.optional() })
  .strip();

export const departmentMemberSchema = z.object({ userId: refSchema }).strict();

export const listDepartmentMembersQuerySchema = pageQuerySchema
  .extend({ includeSubDepartments: flagSchema.default(false) })
  .strip();
