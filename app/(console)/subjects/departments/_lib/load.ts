import { cache } from "react";
import { listDepartments } from "@/lib/subjects/departments";
import { departmentTree } from "./tree";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

/** An organization has tens or hundreds of departments, not millions: the tree is read whole, up to this many. */
export const MAX_DEPARTMENTS = 1000;

export const loadDepartments = cache(async (organizationId: string) => {
  const { db } = await requireAdmin();
  const page = await listDepartments(db, { organization: organizationId, limit: MAX_DEPARTMENTS });
  return { ...departmentTree(page.data), truncated: page.nextCursor !== null };
});
