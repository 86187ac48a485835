/** How department calls name a department: by id (or, with departmentIdType=code, by code) inside a GenAuth organization. */
import { z } from "zod";
import type { Database } from "@/db/client";
import type { Organization } from "@/lib/organizations/service";
import { getDepartment } from "@/lib/subjects/departments";
import { requireGenAuthOrganization } from "./principals";

export const departmentRef = {
  organizationCode: z.string().min(1).max(256),
  departmentId: z.string().min(1).max(256),
  departmentIdType: z.enum(["department_id", "code"], "departmentIdType: only department_id and code are supported").default("department_id"),
};

/** The department, after checking its GenAuth organization exists; `root` names the organization's own department. */
export async function requireDepartment(db: Database, organization: Organization, q: { organizationCode: string; departmentId: string }, field = "departmentId") {
  const top = await requireGenAuthOrganization(db, organization, q.organizationCode);
  return q.departmentId === "root" ? top : getDepartment(db, q.departmentId, { organization: organization.id }, field);
}
