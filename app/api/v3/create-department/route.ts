import { z } from "zod";
import { createDepartment } from "@/lib/subjects/departments";
import { genauthPost } from "../_genauth/adapter";
import { requireDepartment } from "../_genauth/department-params";
import { departmentDto } from "../_genauth/principals";

const schema = z.object({
  organizationCode: z.string().min(1).max(256),
  name: z.string().trim().min(1).max(200),
  parentDepartmentId: z.string().min(1).max(256),
  code: z.string().regex(/^[^\s\p{Cc}]{1,64}$/u, "invalid department code").optional(),
  description: z.string().max(2000).optional(),
});

/** Under `parentDepartmentId` (`root`: the organization's top); its code, when given, is its external id. */
export const POST = genauthPost(
  schema,
  async ({ db, actor, organization, params }) => {
    const parent = await requireDepartment(db, organization, { organizationCode: params.organizationCode, departmentId: params.parentDepartmentId }, "parentDepartmentId");
    const { value } = await createDepartment(db, actor, {
      organizationId: organization.id,
      externalId: params.code,
      name: params.name,
      description: params.description || undefined,
      parentId: parent.id,
    });
    return departmentDto(value, params.organizationCode, parent);
  },
  { write: true },
);
