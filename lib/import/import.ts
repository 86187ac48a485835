/**
 * Bulk import of tuples in one transaction: streamed in chunks, written with
 * multi-row inserts, all or nothing. Missing resource types, users, groups and
 * organizations are created; roles must exist. Any error (reported with its
 * line number) rolls back everything.
 */
import { and, eq, or } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { anyOf, bulkInsert } from "@/db/bulk";
import { grants, groupMembers, groups, resourceTypeHierarchy, resources, resourceTypes, users } from "@/db/schema";
import { ArborError, type FieldIssue } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { write, type WriteContext } from "@/lib/revisions/write";
import { ROOT_SCOPE_ID } from "@/lib/scopes/schemas";
import { loadScopeTree, type ScopeTree } from "@/lib/scopes/tree";
import { TYPE_KEY_RULE } from "@/lib/resource-types/schemas";
import { findRole } from "@/lib/roles/service";
import { ensureOrganizationInTx, findOrganization, rootResource } from "@/lib/organizations/service";
import { parseTupleLine, type Tuple } from "./tuples";

export const MAX_IMPORT_LINES = 5_000_000;
const CHUNK_LINES = 20_000;
const LOOKUP_BATCH = 10_000;
const MAX_REPORTED_ERRORS = 20;

export type ImportSummary = {
  lines: number;
  tuples: number;
  created: { organizations: number; resourceTypes: number; resources: number; users: number; groups: number; groupMembers: number; grants: number };
  skippedExisting: number;
};

type ResourceEntry = { id: string; organizationId: string; typeId: string; parentId: string | null };
type Numbered = { line: number; tuple: Tuple };

class LineError extends Error {}

class Importer {
  private readonly typeIds = new Map<string, string>();
  private allowedParents = new Map<string, Set<string>>();
  private readonly orgRoots = new Map<string, ResourceEntry>();
  private readonly resources = new Map<string, ResourceEntry | "ambiguous">();
  private readonly users = new Map<string, string>();
  private readonly groups = new Map<string, string>();
  private readonly groupEdges = new Map<string, Set<string>>();
  private readonly memberKeys = new Set<string>();
  private readonly grantKeys = new Set<string>();
  private readonly roles = new Map<string, string>();
  /** Resources that existed before this import (and so may already carry grants). */
  private readonly preexisting = new Set<string>();
  private tree!: ScopeTree;
  readonly summary: ImportSummary = {
    lines: 0,
    tuples: 0,
    created: { organizations: 0, resourceTypes: 0, resources: 0, users: 0, groups: 0, groupMembers: 0, grants: 0 },
    skippedExisting: 0,
  };

  constructor(private readonly w: WriteContext) {}

  private get tx(): Transaction {
    return this.w.tx;
  }

  async prepare() {
    this.tree = await loadScopeTree(this.tx);
    const types = await this.tx.select({ id: resourceTypes.id, key: resourceTypes.key, scopeId: resourceTypes.scopeId }).from(resourceTypes).where(eq(resourceTypes.scopeId, ROOT_SCOPE_ID));
    for (const t of types) this.typeIds.set(t.key, t.id);
    const rules = await this.tx.select().from(resourceTypeHierarchy);
    for (const r of rules) {
      const set = this.allowedParents.get(r.childTypeId) ?? new Set<string>();
      set.add(r.parentTypeId);
      this.allowedParents.set(r.childTypeId, set);
    }
    const edges = await this.tx.select({ groupId: groupMembers.groupId, memberId: groupMembers.memberId }).from(groupMembers).where(eq(groupMembers.memberType, "group"));
    for (const e of edges) this.addEdge(e.groupId, e.memberId);
  }

  private addEdge(groupId: string, memberGroupId: string) {
    const set = this.groupEdges.get(groupId) ?? new Set<string>();
    set.add(memberGroupId);
    this.groupEdges.set(groupId, set);
  }

  /** Would making `member` a member of `group` close a loop (member already contains group)? */
  private closesCycle(groupId: string, memberId: string) {
    const stack = [memberId];
    const seen = new Set<string>();
    while (stack.length) {
      const id = stack.pop()!;
      if (id === groupId) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(this.groupEdges.get(id) ?? []));
    }
    return false;
  }

  /** Looks up, in a few queries, everything a chunk names that this import has not seen yet. */
  private async preload(chunk: Numbered[]) {
    const resourceKeys = new Set<string>();
    const userIds = new Set<string>();
    const groupIds = new Set<string>();
    for (const { tuple: t } of chunk) {
      if (t.relation === "member") {
        groupIds.add(t.objectId);
        (t.subjectType === "group" ? groupIds : userIds).add(t.subjectId);
      } else {
        if (t.relation !== "parent") (t.subjectType === "group" ? groupIds : userIds).add(t.subjectId);
        const named = t.relation === "parent" ? [`${t.subjectType}:${t.subjectId}`, `${t.objectType}:${t.objectId}`] : [`${t.objectType}:${t.objectId}`];
        for (const key of named) if (!key.startsWith("organization:") && !this.resources.has(key)) resourceKeys.add(key);
      }
    }
    // Users and groups are named by external id, or by id when an export had no unambiguous external id.
    const unknownUsers = [...userIds].filter((u) => !this.users.has(u));
    for (let i = 0; i < unknownUsers.length; i += LOOKUP_BATCH) {
      const slice = unknownUsers.slice(i, i + LOOKUP_BATCH);
      const rows = await this.tx.select({ id: users.id, externalId: users.externalId }).from(users).where(or(anyOf(users.externalId, slice), anyOf(users.id, slice)));
      for (const r of rows) if (r.externalId && slice.includes(r.externalId)) this.users.set(r.externalId, r.id);
      for (const r of rows) if (slice.includes(r.id) && !this.users.has(r.id)) this.users.set(r.id, r.id);
    }
    const unknownGroups = [...groupIds].filter((g) => !this.groups.has(g));
    for (let i = 0; i < unknownGroups.length; i += LOOKUP_BATCH) {
      const slice = unknownGroups.slice(i, i + LOOKUP_BATCH);
      const rows = await this.tx
        .select({ id: groups.id, externalId: groups.externalId, organizationId: groups.organizationId })
        .from(groups)
        .where(or(anyOf(groups.externalId, slice), anyOf(groups.id, slice)));
      for (const r of rows) if (slice.includes(r.id)) this.groups.set(r.id, r.id);
      // An environment-wide group wins; otherwise the one organization's group of that external id.
      for (const r of rows.filter((row) => slice.includes(row.externalId))) {
        const sameName = rows.filter((row) => row.externalId === r.externalId);
        const chosen = sameName.find((row) => row.organizationId === null) ?? (sameName.length === 1 ? r : undefined);
        if (chosen) this.groups.set(r.externalId, chosen.id);
      }
    }
    const externalIds = [...new Set([...resourceKeys].map((k) => k.slice(k.indexOf(":") + 1)))];
    for (let i = 0; i < externalIds.length; i += LOOKUP_BATCH) {
      const slice = externalIds.slice(i, i + LOOKUP_BATCH);
      const rows = await this.tx
        .select({ id: resources.id, organizationId: resources.organizationId, typeId: resources.resourceTypeId, parentId: resources.parentId, externalId: resources.externalId, key: resourceTypes.key })
        .from(resources)
        .innerJoin(resourceTypes, eq(resourceTypes.id, resources.resourceTypeId))
        .where(or(anyOf(resources.externalId, slice), anyOf(resources.id, slice)));
      for (const r of rows) {
        // An export names a resource by its id when its type:externalId exists in several organizations.
        const key = resourceKeys.has(`${r.key}:${r.id}`) ? `${r.key}:${r.id}` : `${r.key}:${r.externalId}`;
        if (!resourceKeys.has(key)) continue;
        this.resources.set(key, this.resources.has(key) ? "ambiguous" : { id: r.id, organizationId: r.organizationId, typeId: r.typeId, parentId: r.parentId });
        this.preexisting.add(r.id);
      }
    }
  }

  private resource(type: string, id: string): ResourceEntry {
    const found = this.resources.get(`${type}:${id}`);
    if (found === "ambiguous") throw new LineError(`'${type}:${id}' exists in several organizations`);
    if (!found) throw new LineError(`unknown resource '${type}:${id}' (a resource's parent line must come before lines that use it)`);
    return found;
  }

  private async organizationRoot(externalId: string): Promise<ResourceEntry> {
    const cached = this.orgRoots.get(externalId);
    if (cached) return cached;
    const existing = await findOrganization(this.tx, externalId);
    const org = existing ?? (await ensureOrganizationInTx(this.w, externalId));
    if (!existing) this.summary.created.organizations++;
    const root = await rootResource(this.tx, org);
    this.preexisting.add(root.id);
    const entry: ResourceEntry = { id: root.id, organizationId: org.id, typeId: root.resourceTypeId, parentId: null };
    this.orgRoots.set(externalId, entry);
    return entry;
  }

  private async typeId(key: string): Promise<string> {
    const known = this.typeIds.get(key);
    if (known) return known;
    if (!TYPE_KEY_RULE.test(key)) throw new LineError(`'${key}' is not a valid resource type key`);
    const [narrower] = await this.tx.select({ scopeId: resourceTypes.scopeId }).from(resourceTypes).where(eq(resourceTypes.key, key)).limit(1);
    if (narrower) throw new LineError(`resource type '${key}' is defined in scope '${narrower.scopeId}'; import creates resources only of root-scope types`);
    const [row] = await this.tx.insert(resourceTypes).values({ id: newId("resourceType"), scopeId: ROOT_SCOPE_ID, key, name: key, createdBy: this.w.actor }).returning();
    this.typeIds.set(key, row.id);
    this.summary.created.resourceTypes++;
    return row.id;
  }

  private async roleId(slug: string, organizationId: string, scopeId: string): Promise<string> {
    const cacheKey = `${organizationId}|${slug}`;
    const known = this.roles.get(cacheKey);
    if (known) return known;
    try {
      const role = await findRole(this.tx, slug, scopeId, "relation", this.tree);
      this.roles.set(cacheKey, role.id);
      return role.id;
    } catch {
      throw new LineError(`role '${slug}' does not exist in the organization's scope (roles must exist before import)`);
    }
  }

  private userId(externalId: string, pending: (typeof users.$inferInsert)[]): string {
    let id = this.users.get(externalId);
    if (!id) {
      id = newId("user");
      this.users.set(externalId, id);
      pending.push({ id, externalId, createdBy: this.w.actor });
    }
    return id;
  }

  private groupId(externalId: string, pending: (typeof groups.$inferInsert)[]): string {
    let id = this.groups.get(externalId);
    if (!id) {
      id = newId("group");
      this.groups.set(externalId, id);
      pending.push({ id, organizationId: null, externalId, name: externalId, createdBy: this.w.actor });
    }
    return id;
  }

  async apply(chunk: Numbered[], errors: FieldIssue[]) {
    await this.preload(chunk);
    const newUsers: (typeof users.$inferInsert)[] = [];
    const newGroups: (typeof groups.$inferInsert)[] = [];
    const newResources: (typeof resources.$inferInsert)[] = [];
    const newMembers: (typeof groupMembers.$inferInsert)[] = [];
    const newGrants: (typeof grants.$inferInsert)[] = [];
    const orgScopes = new Map<string, string>();
    for (const { line, tuple: t } of chunk) {
      try {
        if (t.relation === "parent") {
          const parent = t.subjectType === "organization" ? await this.organizationRoot(t.subjectId) : this.resource(t.subjectType, t.subjectId);
          const key = `${t.objectType}:${t.objectId}`;
          const existing = this.resources.get(key);
          if (existing && existing !== "ambiguous") {
            if (existing.parentId !== parent.id) throw new LineError(`'${key}' already exists under another parent`);
            this.summary.skippedExisting++;
            continue;
          }
          const typeId = await this.typeId(t.objectType);
          const allowed = this.allowedParents.get(typeId);
          if (allowed && !allowed.has(parent.typeId)) throw new LineError(`a '${t.objectType}' may not be placed under a '${t.subjectType}' (type hierarchy rules)`);
          const id = newId("resource");
          this.resources.set(key, { id, organizationId: parent.organizationId, typeId, parentId: parent.id });
          newResources.push({ id, organizationId: parent.organizationId, resourceTypeId: typeId, externalId: t.objectId, name: t.objectId, parentId: parent.id, createdBy: this.w.actor });
        } else if (t.relation === "member") {
          if (t.objectType !== "group") throw new LineError(`'member' applies to groups, not '${t.objectType}'`);
          const groupId = this.groupId(t.objectId, newGroups);
          let memberType: "user" | "group";
          let memberId: string;
          if (t.subjectType === "user" && !t.subjectRelation) {
            memberType = "user";
            memberId = this.userId(t.subjectId, newUsers);
          } else if (t.subjectType === "group" && t.subjectRelation === "member") {
            memberType = "group";
            memberId = this.groupId(t.subjectId, newGroups);
            if (this.closesCycle(groupId, memberId)) throw new LineError(`group '${t.subjectId}' already contains '${t.objectId}': nesting would form a cycle`);
            this.addEdge(groupId, memberId);
          } else {
            throw new LineError(`a group member is user:<id> or group:<id>#member`);
          }
          const memberKey = `${groupId}/${memberType}/${memberId}`;
          if (this.memberKeys.has(memberKey)) continue;
          this.memberKeys.add(memberKey);
          newMembers.push({ groupId, memberType, memberId });
        } else {
          const target = t.objectType === "organization" ? await this.organizationRoot(t.objectId) : this.resource(t.objectType, t.objectId);
          let scopeId = orgScopes.get(target.organizationId);
          if (!scopeId) {
            scopeId = this.tree.idByKey.get(target.organizationId) ?? ROOT_SCOPE_ID;
            orgScopes.set(target.organizationId, scopeId);
          }
          const roleId = await this.roleId(t.relation, target.organizationId, scopeId);
          let subjectType: "user" | "group";
          let subjectId: string;
          if (t.subjectType === "user" && !t.subjectRelation) {
            subjectType = "user";
            subjectId = this.userId(t.subjectId, newUsers);
          } else if (t.subjectType === "group" && t.subjectRelation === "member") {
            subjectType = "group";
            subjectId = this.groupId(t.subjectId, newGroups);
          } else {
            throw new LineError(`a role is granted to user:<id> or group:<id>#member`);
          }
          const grantKey = `${subjectType}:${subjectId}|${roleId}|${target.id}`;
          if (this.grantKeys.has(grantKey)) continue;
          this.grantKeys.add(grantKey);
          newGrants.push({ id: newId("grant"), organizationId: target.organizationId, subjectType, subjectId, roleId, resourceId: target.id, effect: "allow", createdBy: this.w.actor });
        }
      } catch (error) {
        if (!(error instanceof LineError)) throw error;
        errors.push({ field: `line ${line}`, rule: "tuple", message: `line ${line}: ${error.message}` });
        if (errors.length >= MAX_REPORTED_ERRORS) return;
      }
    }
    if (errors.length) return;
    await this.dropExistingGrants(newGrants);
    await this.dropExistingMembers(newMembers);
    await bulkInsert(this.tx, users, newUsers);
    await bulkInsert(this.tx, groups, newGroups);
    await bulkInsert(this.tx, resources, newResources);
    await bulkInsert(this.tx, groupMembers, newMembers);
    await bulkInsert(this.tx, grants, newGrants);
    const c = this.summary.created;
    c.users += newUsers.length;
    c.groups += newGroups.length;
    c.resources += newResources.length;
    c.groupMembers += newMembers.length;
    c.grants += newGrants.length;
  }

  /** Re-importing an export must not duplicate grants on resources that existed before. */
  private async dropExistingGrants(pending: (typeof grants.$inferInsert)[]) {
    const onExisting = [...new Set(pending.map((g) => g.resourceId!).filter((id) => this.isPreexisting(id)))];
    if (!onExisting.length) return;
    const rows = await this.tx
      .select({ subjectType: grants.subjectType, subjectId: grants.subjectId, roleId: grants.roleId, resourceId: grants.resourceId })
      .from(grants)
      .where(and(anyOf(grants.resourceId, onExisting), eq(grants.effect, "allow")));
    const existing = new Set(rows.map((r) => `${r.subjectType}:${r.subjectId}|${r.roleId}|${r.resourceId}`));
    const kept = pending.filter((g) => !existing.has(`${g.subjectType}:${g.subjectId}|${g.roleId}|${g.resourceId}`));
    this.summary.skippedExisting += pending.length - kept.length;
    pending.splice(0, pending.length, ...kept);
  }

  private async dropExistingMembers(pending: (typeof groupMembers.$inferInsert)[]) {
    const groupIds = [...new Set(pending.map((m) => m.groupId))];
    if (!groupIds.length) return;
    const rows = await this.tx.select({ groupId: groupMembers.groupId, memberType: groupMembers.memberType, memberId: groupMembers.memberId }).from(groupMembers).where(anyOf(groupMembers.groupId, groupIds));
    if (!rows.length) return;
    const existing = new Set(rows.map((r) => `${r.groupId}/${r.memberType}/${r.memberId}`));
    const kept = pending.filter((m) => !existing.has(`${m.groupId}/${m.memberType}/${m.memberId}`));
    this.summary.skippedExisting += pending.length - kept.length;
    pending.splice(0, pending.length, ...kept);
  }

  private isPreexisting(resourceId: string) {
    return this.preexisting.has(resourceId);
  }
}


const lineOf = (issue: FieldIssue) => Number(issue.field.replace("line ", ""));

/** Imports tuples from a stream of lines; throws a validation error listing numbered lines, having written nothing. */
export async function importTuples(db: Database, actor: string, lines: AsyncIterable<string>) {
  // Start consuming at once: an event-based source (readline) drops lines emitted before iteration begins.
  const source = lines[Symbol.asyncIterator]();
  return write(db, actor, async (w) => {
    const importer = new Importer(w);
    await importer.prepare();
    const errors: FieldIssue[] = [];
    let chunk: Numbered[] = [];
    let lineNo = 0;
    for (let next = await source.next(); !next.done; next = await source.next()) {
      const text = next.value;
      lineNo++;
      if (lineNo > MAX_IMPORT_LINES) {
        errors.push({ field: `line ${lineNo}`, rule: "max_lines", message: `at most ${MAX_IMPORT_LINES} lines per import` });
        break;
      }
      const parsed = parseTupleLine(text);
      if (parsed.kind === "skip") continue;
      if (parsed.kind === "error") {
        errors.push({ field: `line ${lineNo}`, rule: "format", message: `line ${lineNo}: ${parsed.message}` });
        if (errors.length >= MAX_REPORTED_ERRORS) break;
        continue;
      }
      importer.summary.tuples++;
      if (errors.length) continue;
      chunk.push({ line: lineNo, tuple: parsed.tuple });
      if (chunk.length >= CHUNK_LINES) {
        await importer.apply(chunk, errors);
        chunk = [];
      }
    }
    // The last chunk is checked even after a syntax error, so its own errors are reported too (nothing is written).
    if (chunk.length && errors.length < MAX_REPORTED_ERRORS) await importer.apply(chunk, errors);
    errors.sort((a, b) => lineOf(a) - lineOf(b));
    if (errors.length) throw new ArborError("validation", `import rejected, nothing was written: ${errors[0].message}`, errors);
    importer.summary.lines = lineNo;
    w.record({ operation: "create", entityType: "import", entityId: `import_${w.revision}`, after: importer.summary });
    return importer.summary;
  });
}
