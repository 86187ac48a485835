import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { createRole } from "@/lib/roles/service";
import { createOrganization, type OrganizationView } from "@/lib/organizations/service";
import { rejects } from "@/lib/resources/fixtures";
import { createDepartment } from "./departments";
import { createGroup } from "./groups";
import { createMembership } from "./memberships";
import { resolveSubjectRef } from "./refs";
import { createUser } from "./users";

let conn: Connection;
let acme: OrganizationView;
let globex: OrganizationView;

before(async () => {
  conn = await openTestDatabase();
  acme = (await createOrganization(conn.db, "t", { externalId: "acme", name: "Acme" })).value;
  globex = (await createOrganization(conn.db, "t", { externalId: "globex", name: "Globex" })).value;
});
after(() => conn.close());

const resolve = (ref: string, organization?: string) => resolveSubjectRef(conn.db, ref, { organization, field: "subject" });

describe("compact subject references", () => {
  test("users by id, external id or user:<either>; a membership gives its user in its organization", async () => {
    const { value: user } = await createUser(conn.db, "t", { externalId: "user_4" });
    assert.deepEqual(await resolve(user.id), { type: "user", id: user.id, organizationId: null });
    assert.deepEqual(await resolve("user:user_4"), { type: "user", id: user.id, organizationId: null });
    assert.deepEqual(await resolve("user_4", "acme"), { type: "user", id: user.id, organizationId: acme.id }, "an id-looking external id still resolves");
    const { value: membership } = await createMembership(conn.db, "t", { userId: user.id, organizationId: acme.id });
    const expected = { type: "user", id: user.id, organizationId: acme.id };
    assert.deepEqual(await resolve(membership.id), expected);
    assert.deepEqual(await resolve(`membership:${membership.id}`), expected);
    await rejects(resolve(membership.id, globex.id), "not_found", "subject");
    await rejects(resolve("user:nobody"), "not_found", "subject");
  });

  test("groups with an optional #member; the same external id in two organizations is ambiguous", async () => {
    const { value: acmeEng } = await createGroup(conn.db, "t", { organizationId: acme.id, externalId: "eng", name: "Eng" });
    const { value: globexEng } = await createGroup(conn.db, "t", { organizationId: globex.id, externalId: "eng", name: "Eng" });
    await rejects(resolve("group:eng"), "conflict", "subject", "ambiguous");
    assert.deepEqual(await resolve("group:eng#member", "acme"), { type: "group", id: acmeEng.id, organizationId: acme.id });
    assert.deepEqual(await resolve("group:eng", globex.id), { type: "group", id: globexEng.id, organizationId: globex.id });
    assert.equal((await resolve(acmeEng.id)).id, acmeEng.id);
    await rejects(resolve(acmeEng.id, "globex"), "not_found", "subject");
  });

  test("an organization's own group wins over an environment-wide one of the same external id", async () => {
    const { value: shared } = await createGroup(conn.db, "t", { externalId: "staff", name: "Everyone's staff" });
    const { value: own } = await createGroup(conn.db, "t", { organizationId: acme.id, externalId: "staff", name: "Acme staff" });
    assert.equal((await resolve("group:staff", "acme")).id, own.id);
    assert.equal((await resolve("group:staff", "globex")).id, shared.id);
    assert.deepEqual(await resolve("group:staff", "globex"), { type: "group", id: shared.id, organizationId: null });
  });

  test("departments by id or external id", async () => {
    const { value: sales } = await createDepartment(conn.db, "t", { organizationId: acme.id, externalId: "sales", name: "Sales" });
    assert.deepEqual(await resolve("department:sales"), { type: "department", id: sales.id, organizationId: acme.id });
    assert.equal((await resolve(sales.id)).id, sales.id);
    await rejects(resolve("department:sales", "globex"), "not_found", "subject");
  });

  test("roles by slug as seen from the organization's scope", async () => {
    const { value: rootRole } = await createRole(conn.db, "t", { slug: "viewer", name: "Viewer" });
    const { value: acmeRole } = await createRole(conn.db, "t", { slug: "auditor", name: "Auditor", scopeId: acme.scopeId });
    assert.deepEqual(await resolve("role:viewer"), { type: "role", id: rootRole.id, organizationId: null });
    assert.deepEqual(await resolve("role:auditor", "acme"), { type: "role", id: acmeRole.id, organizationId: acme.id });
    assert.deepEqual(await resolve("role:viewer", "acme"), { type: "role", id: rootRole.id, organizationId: acme.id });
    await rejects(resolve("role:auditor"), "not_found", "subject");
    await rejects(resolve("role:auditor", "globex"), "not_found", "subject");
    await rejects(resolve(acmeRole.id, "globex"), "not_found", "subject");
  });

  test("anything else is malformed, naming the field", async () => {
    for (const bad of ["alice", "team:eng", "user:", "group:#member"]) await rejects(resolve(bad), "validation", "subject", "format:subject_ref");
  });
});
