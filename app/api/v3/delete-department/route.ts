import { z } from "zod";
import { invalid } from "@/lib/shared/errors";
import { deleteDepartment } from "@/lib/subjects/departments";
import { done, genauthPost } from "../_genauth/adapter";
import { departmentRef, requireDepartment } from "../_genauth/department-params";

/** With its sub-departments, their members and the grants they hold, in one transaction. */
export const POST = genauthPost(
  z.object(departmentRef),
  async ({ db, actor, organization, params }) => {
    // `root` names the GenAuth organization itself: deleting it would take every department, member and grant with it.
    if (params.departmentId === "root") throw invalid("departmentId", "root", "the root department is the organization itself and cannot be deleted");
    const department = await requireDepartment(db, organization, params);
    await deleteDepartment(db, actor, department.id, { cascade: true });
    return done;
  },
  { write: true },
);
