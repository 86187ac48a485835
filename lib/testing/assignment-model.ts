/**
 * A small model for the domain tests of role assignments and discovery:
 *   acme ─ workspace ws1 ─ project p1 ─ document d1
 *                       └─ project p2
 * Roles: ws-admin (workspace; everything below), pj-editor (project),
 * org-viewer (any resource; project:view). Users ann and ben are members of
 * acme; group eng (in acme) is empty.
 */
import type { Database } from "@/db/client";
import { createResourceTypes } from "@/lib/resource-types/service";
import { createPermissions } from "@/lib/permissions/service";
import { createRole } from "@/lib/roles/service";
import { createOrganization } from "@/lib/organizations/service";
import { createResource } from "@/lib/resources/service";
import { createUser } from "@/lib/subjects/users";
import { createMembership } from "@/lib/subjects/memberships";
import { createGroup } from "@/lib/subjects/groups";

export async function buildAssignmentModel(db: Database) {
  const A = "test";
  await createResourceTypes(db, A, ["workspace", "project", "document"].map((key) => ({ key, name: key })));
  await createPermissions(db, A, [
    { action: "view", resourceType: "workspace" },
    { action: "view", resourceType: "project" },
    { action: "edit", resourceType: "project" },
    { action: "view", resourceType: "document" },
  ]);
  const roles = {
    wsAdmin: (await createRole(db, A, { slug: "ws-admin", name: "WS admin", resourceType: "workspace", permissions: ["workspace:view", "project:view", "project:edit", "document:view"] })).value,
    pjEditor: (await createRole(db, A, { slug: "pj-editor", name: "Project editor", resourceType: "project", permissions: ["project:view", "project:edit"] })).value,
    orgViewer: (await createRole(db, A, { slug: "org-viewer", name: "Org viewer", permissions: ["project:view"] })).value,
  };
  const org = (await createOrganization(db, A, { externalId: "acme", name: "Acme" })).value;
  const resource = async (type: string, externalId: string, parentId?: string) =>
    (await createResource(db, A, { organizationId: org.id, type, externalId, name: externalId, parentId })).value;
  const ws1 = await resource("workspace", "ws1");
  const p1 = await resource("project", "p1", ws1.id);
  const p2 = await resource("project", "p2", ws1.id);
  const d1 = await resource("document", "d1", p1.id);
  const person = async (name: string) => {
    const user = (await createUser(db, A, { externalId: name, name })).value;
    return { user, membership: (await createMembership(db, A, { userId: user.id, organizationId: org.id })).value };
  };
  const ann = await person("ann");
  const ben = await person("ben");
  const eng = (await createGroup(db, A, { organizationId: org.id, externalId: "eng", name: "Engineering" })).value;
  return { org, roles, ws1, p1, p2, d1, ann, ben, eng };
}

export type AssignmentModel = Awaited<ReturnType<typeof buildAssignmentModel>>;
