/**
 * Demo data: a small, realistic organization so a new installation shows a
 * working console within a minute. Built only through the domain's own
 * functions (every step validated and recorded in the change log like any
 * other write), on the seed 001 content-management template applied to the
 * organization's own scope, so it never collides with definitions shared by
 * other organizations. Folders play the part of projects.
 */
import type { Database } from "@/db/client";
import { conflict } from "@/lib/shared/errors";
import { applyTemplate } from "@/lib/templates/apply";
import { createRole } from "@/lib/roles/service";
import { createOrganization, findOrganization } from "@/lib/organizations/service";
import { createResource } from "@/lib/resources/service";
import { createUser, getUser } from "@/lib/subjects/users";
import { createMembership } from "@/lib/subjects/memberships";
import { addGroupMember, createGroup } from "@/lib/subjects/groups";
import { addDepartmentMember, createDepartment } from "@/lib/subjects/departments";
import { createGrant } from "@/lib/grants/service";
import type { CreateGrantInput } from "@/lib/grants/schemas";
import { ArborError } from "@/lib/shared/errors";

export const DEMO_ORGANIZATION = { externalId: "northwind", name: "Northwind Traders" };

const TYPES = ["workspace", "folder", "document", "page", "comment", "attachment"];
const on = (actions: string[]) => TYPES.flatMap((t) => actions.map((a) => `${t}:${a}`));

const ROLES = [
  { slug: "viewer", name: "Viewer", permissions: on(["read"]), includes: [] },
  { slug: "editor", name: "Editor", permissions: on(["create", "update"]), includes: ["viewer"] },
  { slug: "owner", name: "Owner", permissions: on(["delete"]), includes: ["editor"] },
];

/** [type, externalId, name, parent externalId (absent: the organization's root)] */
const RESOURCES: [string, string, string, string?][] = [
  ["workspace", "ws-marketing", "Marketing"],
  ["folder", "prj-website", "Website relaunch", "ws-marketing"],
  ["document", "doc-launch-plan", "Launch plan", "prj-website"],
  ["document", "doc-copy-deck", "Copy deck", "prj-website"],
  ["page", "page-landing", "Landing page", "prj-website"],
  ["comment", "cmt-launch-date", "Can we move the launch date?", "doc-launch-plan"],
  ["folder", "fld-brand", "Brand", "ws-marketing"],
  ["document", "doc-brand-guide", "Brand guidelines", "fld-brand"],
  ["attachment", "att-logo", "logo.svg", "doc-brand-guide"],
  ["workspace", "ws-engineering", "Engineering"],
  ["folder", "prj-platform", "Platform", "ws-engineering"],
  ["folder", "fld-architecture", "Architecture", "prj-platform"],
  ["document", "doc-service-map", "Service map", "fld-architecture"],
  ["document", "doc-adr-001", "ADR-001 Storage", "fld-architecture"],
  ["document", "doc-roadmap", "Roadmap 2026", "prj-platform"],
  ["folder", "prj-mobile", "Mobile app", "ws-engineering"],
  ["document", "doc-release-checklist", "Release checklist", "prj-mobile"],
  ["workspace", "ws-handbook", "Handbook"],
  ["page", "page-welcome", "Welcome", "ws-handbook"],
  ["page", "page-holidays", "Holidays", "ws-handbook"],
  ["document", "doc-expenses", "Expense policy", "ws-handbook"],
];

const USERS = [
  { externalId: "demo-alice", name: "Alice Chen", email: "alice@northwind.example" },
  { externalId: "demo-bob", name: "Bob Martin", email: "bob@northwind.example" },
  { externalId: "demo-carol", name: "Carol Diaz", email: "carol@northwind.example" },
  { externalId: "demo-dave", name: "Dave Kim", email: "dave@contractor.example" },
  { externalId: "demo-erin", name: "Erin Park", email: "erin@northwind.example" },
];

/** Teams; members are user external ids or `group:<externalId>` for a nested team. */
const GROUPS: { externalId: string; name: string; members: string[] }[] = [
  { externalId: "platform-team", name: "Platform team", members: ["demo-bob"] },
  { externalId: "engineering", name: "Engineering", members: ["demo-alice", "group:platform-team"] },
  { externalId: "marketing", name: "Marketing", members: ["demo-carol"] },
  { externalId: "everyone", name: "Everyone", members: ["group:engineering", "group:marketing", "demo-erin"] },
];

/** [externalId, name, parent externalId, members] */
const DEPARTMENTS: [string, string, string | null, string[]][] = [
  ["company", "Northwind", null, []],
  ["product", "Product & Engineering", "company", ["demo-alice", "demo-bob"]],
  ["gtm", "Go-to-market", "company", ["demo-carol"]],
  ["people", "People", "company", ["demo-erin"]],
];

const GRANTS: Omit<CreateGrantInput, "organization">[] = [
  { subject: "group:everyone", role: "viewer", resource: "workspace:ws-handbook" },
  { subject: "group:engineering", role: "editor", resource: "workspace:ws-engineering" },
  { subject: "group:marketing", role: "editor", resource: "workspace:ws-marketing" },
  { subject: "user:demo-alice", role: "owner", resource: "workspace:ws-engineering" },
  { subject: "department:people", role: "editor", resource: "document:doc-expenses" },
  { subject: "group:everyone", actions: ["read"], resourcePattern: "page:*" },
  // A contractor reads the mobile project, only from the office network.
  { subject: "user:demo-dave", actions: ["read"], resource: "folder:prj-mobile", conditions: [{ param: "ip", operator: "IpAddress", value: "10.0.0.0/8" }] },
  // Architecture decisions are kept: nobody in the platform team deletes them.
  { subject: "group:platform-team", actions: ["delete"], resource: "folder:fld-architecture", effect: "deny" },
];

export type DemoSummary = { organizationId: string; name: string; resources: number; users: number; groups: number; departments: number; grants: number };

/** A user the demo needs: reused when one with that external id exists (users are shared by every organization). */
async function ensureUser(db: Database, actor: string, user: (typeof USERS)[number]) {
  try {
    return await getUser(db, user.externalId);
  } catch (error) {
    if (!(error instanceof ArborError) || error.kind !== "not_found") throw error;
    return (await createUser(db, actor, user)).value;
  }
}

/** Loads the demo organization; refuses (409) when it exists already, so running it twice changes nothing. */
export async function seedDemo(db: Database, actor: string): Promise<DemoSummary> {
  if (await findOrganization(db, DEMO_ORGANIZATION.externalId)) {
    throw conflict(`the demo organization '${DEMO_ORGANIZATION.name}' is already loaded`, "organization", "exists");
  }
  const org = (await createOrganization(db, actor, DEMO_ORGANIZATION)).value;
  const organization = org.id;
  await applyTemplate(db, actor, "content-management", { scopeId: org.scopeId });
  for (const role of ROLES) await createRole(db, actor, { ...role, scopeId: org.scopeId });

  const ids = new Map<string, string>();
  for (const [type, externalId, name, parent] of RESOURCES) {
    const created = await createResource(db, actor, { organizationId: organization, type, externalId, name, parentId: parent ? ids.get(parent) : undefined });
    ids.set(externalId, created.value.id);
  }

  for (const user of USERS) {
    const row = await ensureUser(db, actor, user);
    await createMembership(db, actor, { userId: row.id, organizationId: organization });
  }
  for (const group of GROUPS) {
    const row = (await createGroup(db, actor, { organizationId: organization, externalId: group.externalId, name: group.name })).value;
    for (const member of group.members) {
      await addGroupMember(db, actor, row.id, member.startsWith("group:") ? { type: "group", id: member.slice(6) } : { type: "user", id: member }, { organization });
    }
  }
  for (const [externalId, name, parent, members] of DEPARTMENTS) {
    const row = (await createDepartment(db, actor, { organizationId: organization, externalId, name, parentId: parent ?? undefined })).value;
    for (const userId of members) await addDepartmentMember(db, actor, row.id, { userId });
  }
  for (const grant of GRANTS) await createGrant(db, actor, { ...grant, organization });

  return {
    organizationId: organization,
    name: org.name,
    resources: RESOURCES.length,
    users: USERS.length,
    groups: GROUPS.length,
    departments: DEPARTMENTS.length,
    grants: GRANTS.length,
  };
}
