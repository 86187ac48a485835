import { z } from "zod";
import { removeDepartmentMember } from "@/lib/subjects/departments";
import { getUser } from "@/lib/subjects/users";
import { done, genauthPost } from "../_genauth/adapter";
import { departmentRef, requireDepartment } from "../_genauth/department-params";
import { applyTogether } from "../_genauth/batch";

const schema = z.object({ ...departmentRef, userIds: z.array(z.string().min(1).max(256)).min(1).max(100) });

/** Users who are not members are skipped; one transaction. */
export const POST = genauthPost(
  schema,
  async ({ db, actor, organization, params }) => {
    const department = await requireDepartment(db, organization, params);
    const users = await Promise.all(params.userIds.map((id, i) => getUser(db, id, `userIds.${i}`)));
    await applyTogether(db, actor, users, (tx, u) => removeDepartmentMember(tx, actor, department.id, { userId: u.id }), "not_found");
    return done;
  },
  { write: true },
);
