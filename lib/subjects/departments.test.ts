import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { eq, inArray } from "drizzle-orm";
import type { Connection } from "@/db/client";
import { departmentMembers, departments, grants } from "@/db/schema";
import { openTestDatabase } from "@/lib/testing/database";
import { createOrganization, type OrganizationView } from "@/lib/organizations/service";
import { changesAfter, insertGrant, rejects, rejectsWithoutWriting } from "@/lib/resources/fixtures";
import {
  addDepartmentMember,
  createDepartment,
  deleteDepartment,
  getDepartment,
  listDepartmentMembers,
  listDepartments,
  removeDepartmentMember,
  updateDepartment,
  type Department,
} from "./departments";
import { createUser } from "./users";

let conn: Connection;
let acme: OrganizationView;
let globex: OrganizationView;

const department = async (externalId: string, parentId?: string, org = acme): Promise<Department> =>
  (await createDepartment(conn.db, "t", { organizationId: org.id, externalId, name: externalId, parentId })).value;

before(async () => {
  conn = await openTestDatabase();
  acme = (await createOrganization(conn.db, "t", { externalId: "acme", name: "Acme" })).value;
  globex = (await createOrganization(conn.db, "t", { externalId: "globex", name: "Globex" })).value;
  for (const name of ["ann", "ben", "cat"]) await createUser(conn.db, "t", { externalId: name, name });
});
after(() => conn.close());

describe("departments", () => {
  test("form a tree per organization; external ids are unique per organization", async () => {
    const sales = await department("sales");
    const emea = await department("emea", sales.id);
    const paris = await department("paris", "department:emea");
    assert.equal(emea.parentId, sales.id);
    assert.equal(paris.parentId, emea.id);
    await department("sales", undefined, globex);
    await rejectsWithoutWriting(conn.db, () => department("sales"), "conflict", "externalId");
    await rejects(department("lost", "nowhere"), "not_found", "parentId");
    const foreignSales = await getDepartment(conn.db, "sales", { organization: "globex" });
    await rejects(department("cross", foreignSales.id), "not_found", "parentId");
    await rejects(getDepartment(conn.db, "sales"), "conflict", "id", "ambiguous");
    const children = await listDepartments(conn.db, { organization: "acme", parentId: "sales" });
    assert.deepEqual(children.data.map((d) => d.externalId), ["emea"]);
  });

  test("moves refuse cycles; null moves to the top level", async () => {
    const opts = { organization: "acme" };
    await rejectsWithoutWriting(conn.db, () => updateDepartment(conn.db, "t", "sales", { parentId: "sales" }, opts), "validation", "parentId", "acyclic");
    await rejectsWithoutWriting(conn.db, () => updateDepartment(conn.db, "t", "sales", { parentId: "paris" }, opts), "validation", "parentId", "acyclic");
    const { value: moved } = await updateDepartment(conn.db, "t", "paris", { parentId: "sales", name: "Paris" }, opts);
    assert.equal(moved.parentId, (await getDepartment(conn.db, "sales", opts)).id);
    const { value: top } = await updateDepartment(conn.db, "t", "paris", { parentId: null }, opts);
    assert.equal(top.parentId, null);
    await updateDepartment(conn.db, "t", "paris", { parentId: "emea" }, opts);
  });

  test("members are users; listing may include sub-departments (each user once)", async () => {
    const opts = { organization: "acme" };
    await addDepartmentMember(conn.db, "t", "sales", { userId: "ann" }, opts);
    await addDepartmentMember(conn.db, "t", "emea", { userId: "ben" }, opts);
    await addDepartmentMember(conn.db, "t", "paris", { userId: "user:ann" }, opts);
    await addDepartmentMember(conn.db, "t", "paris", { userId: "cat" }, opts);
    await rejectsWithoutWriting(conn.db, () => addDepartmentMember(conn.db, "t", "paris", { userId: "cat" }, opts), "conflict", "userId");
    await rejects(addDepartmentMember(conn.db, "t", "paris", { userId: "nobody" }, opts), "not_found", "userId");
    const direct = await listDepartmentMembers(conn.db, "sales", {}, opts);
    assert.deepEqual(direct.data.map((u) => u.externalId), ["ann"]);
    const first = await listDepartmentMembers(conn.db, "sales", { includeSubDepartments: "true", limit: 2 }, opts);
    const rest = await listDepartmentMembers(conn.db, "sales", { includeSubDepartments: true, limit: 2, cursor: first.nextCursor }, opts);
    const all = [...first.data, ...rest.data];
    assert.deepEqual(all.map((u) => `${u.externalId}:${u.direct}`).sort(), ["ann:true", "ben:false", "cat:false"]);
    await removeDepartmentMember(conn.db, "t", "paris", { userId: "cat" }, opts);
    await rejects(removeDepartmentMember(conn.db, "t", "paris", { userId: "cat" }, opts), "not_found", "userId");
  });

  test("delete refuses sub-departments unless cascade, which removes members and grants of the whole subtree", async () => {
    const opts = { organization: "acme" };
    const [sales, emea, paris] = await Promise.all(["sales", "emea", "paris"].map((d) => getDepartment(conn.db, d, opts)));
    const grant = await insertGrant(conn.db, { organizationId: acme.id, subjectType: "department", subjectId: paris.id, resourceId: acme.rootResourceId });
    await rejectsWithoutWriting(conn.db, () => deleteDepartment(conn.db, "t", "sales", opts), "conflict", "id", "has_children");
    const { value, revision } = await deleteDepartment(conn.db, "t", "sales", { ...opts, cascade: true });
    assert.deepEqual(value.removed, { departments: 3, members: 3, grants: 1 });
    const ids = [sales.id, emea.id, paris.id];
    assert.equal((await conn.db.select().from(departments).where(inArray(departments.id, ids))).length, 0);
    assert.equal((await conn.db.select().from(departmentMembers).where(inArray(departmentMembers.departmentId, ids))).length, 0);
    assert.equal((await conn.db.select().from(grants).where(eq(grants.id, grant.id))).length, 0);
    const changes = await changesAfter(conn.db, revision - 1);
    assert.deepEqual(changes.map((c) => c.entityType).sort(), ["department", "department", "department", "department_member", "department_member", "department_member", "grant"]);
    const leaf = await department("leaf");
    await deleteDepartment(conn.db, "t", leaf.id);
  });
});
