import { z } from "zod";
import { deleteDepartment } from "@/lib/subjects/departments";
import { done, genauthPost } from "../_genauth/adapter";
import { departmentRef, requireDepartment } from "../_genauth/department-params";

/** With its sub-departments, their members and the grants they hold, in one transaction. */
export const POST = genauthPost(
  z.object(departmentRef),
  async ({ db, actor, organization, params }) => {
    const department = await requireDepartment(db, organization, params);
    await deleteDepartment(db, actor, department.id, { cascade: true });
    return done;
  },
  { write: true },
);
