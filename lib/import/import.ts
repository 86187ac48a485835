/**
 * Bulk import of tuples in one transaction: streamed in chunks, written with
 * COPY, all or nothing. Missing resource types, users, groups and
 * organizations are created; roles must exist. Any error (reported with its
 * line number) rolls back everything.
 *
 * Speed: each chunk's rows are written while the next chunk is parsed; when
 * the resource table is small at the start, its rows are read once instead of
 * looked up chunk by chunk; and a large load into small tables sets their
 * keys, indexes and foreign keys aside (db/bulk.ts) and rebuilds each table's
 * as soon as the rows for it seem complete, inside the same transaction.
 */
import { and, eq, ne, or } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database, Transaction } from "@/db/client";
import { anyOf, copyInto, rowsUpTo, setIndexesAside } from "@/db/bulk";
import { grants, groupMembers, groups, resourceTypeHierarchy, resources, resourceTypes, users } from "@/db/schema";
import { ArborError, type FieldIssue } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { write, type WriteContext } from "@/lib/revisions/write";
import { ROOT_SCOPE_ID } from "@/lib/scopes/schemas";
import { loadScopeTree, type ScopeTree } from "@/lib/scopes/tree";
import { TYPE_KEY_RULE } from "@/lib/resource-types/schemas";
import { findRole } from "@/lib/roles/service";
import { ensureOrganizationsInTx } from "@/lib/organizations/service";
import { ORGANIZATION_TYPE_ID } from "@/lib/organizations/schemas";
import { parseTupleLine, type Tuple } from "./tuples";

export const MAX_IMPORT_LINES = 5_000_000;
const CHUNK_LINES = 20_000;
const LOOKUP_BATCH = 10_000;
const MAX_REPORTED_ERRORS = 20;
/** Tuples between turns of the event loop: each COPY needs a few turns (a round trip each) to move on. */
const YIELD_EVERY = 100;
/** Up to this many existing resources (or grants) the tables count as small: read whole, rebuilt cheaply. */
const SMALL_TABLE = 50_000;

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
  /** Type key → external id (or id) → resource. */
  private readonly resources = new Map<string, Map<string, ResourceEntry | "ambiguous">>();
  private readonly users = new Map<string, string>();
  private readonly groups = new Map<string, string>();
  private readonly groupEdges = new Map<string, Set<string>>();
  private readonly memberKeys = new Set<string>();
  private readonly grantKeys = new Set<string>();
  /** Scope id → role slug → role id. */
  private readonly roles = new Map<string, Map<string, string>>();
  /** Resources that existed before this import (and so may already carry grants). */
  private readonly preexisting = new Set<string>();
  /** Every resource (user, group) that existed before the import is in `resources` (`users`, `groups`): no chunk looks any up. */
  private allResourcesKnown = false;
  private allUsersKnown = false;
  private allGroupsKnown = false;
  private firstChunk = true;
  /** Per table, the rebuild of the keys, indexes and foreign keys a large load set aside (until it is queued). */
  private rebuilds = new Map<PgTable, () => Promise<void>>();
  /** Tables set aside that earlier chunks added rows to. */
  private readonly filling = new Set<PgTable>();
  /** The chunks' writes, in order; the next chunk is parsed meanwhile. */
  private writing: Promise<void> = Promise.resolve();
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
    if ((await rowsUpTo(this.tx, resources, SMALL_TABLE)) <= SMALL_TABLE) await this.loadExistingResources();
    if ((await rowsUpTo(this.tx, users, SMALL_TABLE)) <= SMALL_TABLE) await this.loadExistingUsers();
    if ((await rowsUpTo(this.tx, groups, SMALL_TABLE)) <= SMALL_TABLE) await this.loadExistingGroups();
  }

  /** Users and groups are named by external id, or by id when an export had no unambiguous external id. */
  private rememberUsers(rows: { id: string; externalId: string | null }[], named: (ref: string) => boolean) {
    for (const r of rows) if (r.externalId && named(r.externalId)) this.users.set(r.externalId, r.id);
    for (const r of rows) if (named(r.id) && !this.users.has(r.id)) this.users.set(r.id, r.id);
  }

  /** An environment-wide group wins an external id; otherwise the one organization's group of that external id. */
  private rememberGroups(rows: { id: string; externalId: string; organizationId: string | null }[], named: (ref: string) => boolean) {
    for (const r of rows) if (named(r.id)) this.groups.set(r.id, r.id);
    const byExternal = new Map<string, typeof rows>();
    for (const r of rows) if (named(r.externalId)) byExternal.set(r.externalId, [...(byExternal.get(r.externalId) ?? []), r]);
    for (const [externalId, sameName] of byExternal) {
      const chosen = sameName.find((row) => row.organizationId === null) ?? (sameName.length === 1 ? sameName[0] : undefined);
      if (chosen) this.groups.set(externalId, chosen.id);
    }
  }

  private async loadExistingUsers() {
    this.rememberUsers(await this.tx.select({ id: users.id, externalId: users.externalId }).from(users), () => true);
    this.allUsersKnown = true;
  }

  private async loadExistingGroups() {
    this.rememberGroups(await this.tx.select({ id: groups.id, externalId: groups.externalId, organizationId: groups.organizationId }).from(groups), () => true);
    this.allGroupsKnown = true;
  }

  /** Reads every existing resource (organization roots aside: those are found by organization). */
  private async loadExistingResources() {
    const rows = await this.tx
      .select({ id: resources.id, organizationId: resources.organizationId, typeId: resources.resourceTypeId, parentId: resources.parentId, externalId: resources.externalId, key: resourceTypes.key })
      .from(resources)
      .innerJoin(resourceTypes, eq(resourceTypes.id, resources.resourceTypeId))
      .where(ne(resources.resourceTypeId, ORGANIZATION_TYPE_ID));
    const entries = rows.map((r) => ({ row: r, entry: { id: r.id, organizationId: r.organizationId, typeId: r.typeId, parentId: r.parentId } }));
    for (const { row, entry } of entries) {
      this.remember(row.key, row.externalId, entry);
      this.preexisting.add(row.id);
    }
    // An export names a resource by its id when its type:externalId exists in several organizations.
    for (const { row, entry } of entries) this.resourcesOfType(row.key).set(row.id, entry);
    this.allResourcesKnown = true;
  }

  private resourcesOfType(type: string) {
    let byId = this.resources.get(type);
    if (!byId) this.resources.set(type, (byId = new Map()));
    return byId;
  }

  /** Records an existing resource; a second one of the same type and external id makes that name ambiguous. */
  private remember(type: string, id: string, entry: ResourceEntry) {
    const byId = this.resourcesOfType(type);
    byId.set(id, byId.has(id) ? "ambiguous" : entry);
  }

  /**
   * A large load sets the indexes of the small tables it fills aside (only
   * when the first chunk is full: small imports gain nothing); the resource
   * table, the largest, must be among them.
   */
  private async considerBulkLoad(chunk: Numbered[]) {
    if (!this.firstChunk) return;
    this.firstChunk = false;
    if (chunk.length < CHUNK_LINES || !this.allResourcesKnown) return;
    const small: PgTable[] = [resources];
    for (const table of [grants, groupMembers]) if ((await rowsUpTo(this.tx, table, SMALL_TABLE)) <= SMALL_TABLE) small.push(table);
    this.rebuilds = (await setIndexesAside(this.tx, small)) ?? new Map();
  }

  /** Queries wait for the pending writes: one connection carries the transaction. */
  private async read<T>(query: () => Promise<T>): Promise<T> {
    await this.writing;
    return query();
  }

  /** Waits for the writes under way, whatever their outcome. */
  async settled() {
    await this.writing.catch(() => {});
  }

  /**
   * A table that earlier chunks filled and this one adds no rows to is most
   * likely complete (exports and the benchmark list parents, then members,
   * then grants): its rebuild is queued behind the writes, so the database
   * builds its indexes while the next chunks are parsed rather than all at
   * the end. Should rows for it come after all, they go in through the
   * rebuilt indexes and foreign keys.
   */
  private rebuildCompleted(added: Map<PgTable, number>) {
    for (const [table, rebuild] of this.rebuilds) {
      if (added.get(table)) this.filling.add(table);
      else if (this.filling.has(table)) {
        this.rebuilds.delete(table);
        this.writing = this.writing.then(rebuild);
      }
    }
  }

  /** Waits for every chunk's writes, then rebuilds what a large load set aside and is not rebuilt yet. */
  async finish(complete: boolean) {
    await this.writing;
    if (complete) for (const rebuild of this.rebuilds.values()) await rebuild();
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
    const organizationRefs = new Set<string>();
    const named = (type: string, id: string) => {
      if (type === "organization") {
        if (!this.orgRoots.has(id)) organizationRefs.add(id);
      } else if (!this.allResourcesKnown && !this.resources.get(type)?.has(id)) resourceKeys.add(`${type}:${id}`);
    };
    for (const { tuple: t } of chunk) {
      if (t.relation === "member") {
        groupIds.add(t.objectId);
        (t.subjectType === "group" ? groupIds : userIds).add(t.subjectId);
      } else if (t.relation === "parent") {
        named(t.subjectType, t.subjectId);
        if (t.objectType !== "organization") named(t.objectType, t.objectId);
      } else {
        (t.subjectType === "group" ? groupIds : userIds).add(t.subjectId);
        named(t.objectType, t.objectId);
      }
    }
    if (organizationRefs.size) await this.ensureOrganizations([...organizationRefs]);
    const unknownUsers = this.allUsersKnown ? [] : [...userIds].filter((u) => !this.users.has(u));
    for (let i = 0; i < unknownUsers.length; i += LOOKUP_BATCH) {
      const slice = unknownUsers.slice(i, i + LOOKUP_BATCH);
      const rows = await this.read(() => this.tx.select({ id: users.id, externalId: users.externalId }).from(users).where(or(anyOf(users.externalId, slice), anyOf(users.id, slice))));
      const named = new Set(slice);
      this.rememberUsers(rows, (ref) => named.has(ref));
    }
    const unknownGroups = this.allGroupsKnown ? [] : [...groupIds].filter((g) => !this.groups.has(g));
    for (let i = 0; i < unknownGroups.length; i += LOOKUP_BATCH) {
      const slice = unknownGroups.slice(i, i + LOOKUP_BATCH);
      const rows = await this.read(() =>
        this.tx
          .select({ id: groups.id, externalId: groups.externalId, organizationId: groups.organizationId })
          .from(groups)
          .where(or(anyOf(groups.externalId, slice), anyOf(groups.id, slice))),
      );
      const named = new Set(slice);
      this.rememberGroups(rows, (ref) => named.has(ref));
    }
    const externalIds = this.allResourcesKnown ? [] : [...new Set([...resourceKeys].map((k) => k.slice(k.indexOf(":") + 1)))];
    for (let i = 0; i < externalIds.length; i += LOOKUP_BATCH) {
      const slice = externalIds.slice(i, i + LOOKUP_BATCH);
      const rows = await this.read(() =>
        this.tx
          .select({ id: resources.id, organizationId: resources.organizationId, typeId: resources.resourceTypeId, parentId: resources.parentId, externalId: resources.externalId, key: resourceTypes.key })
          .from(resources)
          .innerJoin(resourceTypes, eq(resourceTypes.id, resources.resourceTypeId))
          .where(or(anyOf(resources.externalId, slice), anyOf(resources.id, slice))),
      );
      for (const r of rows) {
        // An export names a resource by its id when its type:externalId exists in several organizations.
        const byId = resourceKeys.has(`${r.key}:${r.id}`);
        if (!byId && !resourceKeys.has(`${r.key}:${r.externalId}`)) continue;
        this.remember(r.key, byId ? r.id : r.externalId, { id: r.id, organizationId: r.organizationId, typeId: r.typeId, parentId: r.parentId });
        this.preexisting.add(r.id);
      }
    }
  }

  private resource(type: string, id: string): ResourceEntry {
    if (type === "organization") return this.organizationRoot(id);
    const found = this.resources.get(type)?.get(id);
    if (found === "ambiguous") throw new LineError(`'${type}:${id}' exists in several organizations`);
    if (!found) throw new LineError(`unknown resource '${type}:${id}' (a resource's parent line must come before lines that use it)`);
    return found;
  }

  /** Finds (or creates) the organizations a chunk names, all in a few statements. */
  private async ensureOrganizations(refs: string[]) {
    const { organizations, created } = await this.read(() => ensureOrganizationsInTx(this.w, refs));
    this.summary.created.organizations += created;
    for (const [ref, org] of organizations) {
      this.preexisting.add(org.rootResourceId);
      this.orgRoots.set(ref, { id: org.rootResourceId, organizationId: org.id, typeId: ORGANIZATION_TYPE_ID, parentId: null });
    }
  }

  /** Preloaded for every organization a chunk names. */
  private organizationRoot(ref: string): ResourceEntry {
    return this.orgRoots.get(ref)!;
  }

  /** A root-scope resource type the import names before any exists (known ones are looked up in `typeIds` first). */
  private async createType(key: string): Promise<string> {
    if (!TYPE_KEY_RULE.test(key)) throw new LineError(`'${key}' is not a valid resource type key`);
    const [narrower] = await this.read(() => this.tx.select({ scopeId: resourceTypes.scopeId }).from(resourceTypes).where(eq(resourceTypes.key, key)).limit(1));
    if (narrower) throw new LineError(`resource type '${key}' is defined in scope '${narrower.scopeId}'; import creates resources only of root-scope types`);
    const [row] = await this.tx.insert(resourceTypes).values({ id: newId("resourceType"), scopeId: ROOT_SCOPE_ID, key, name: key, createdBy: this.w.actor }).returning();
    this.typeIds.set(key, row.id);
    this.summary.created.resourceTypes++;
    return row.id;
  }

  /**
   * A role is found through the organization's scope, then remembered in
   * `roles` (organizations sharing a scope share the answer).
   */
  private async findRoleId(slug: string, scopeId: string): Promise<string> {
    try {
      const role = await this.read(() => findRole(this.tx, slug, scopeId, "relation", this.tree));
      let bySlug = this.roles.get(scopeId);
      if (!bySlug) this.roles.set(scopeId, (bySlug = new Map()));
      bySlug.set(slug, role.id);
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
    await this.considerBulkLoad(chunk);
    await this.preload(chunk);
    const newUsers: (typeof users.$inferInsert)[] = [];
    const newGroups: (typeof groups.$inferInsert)[] = [];
    const newResources: (typeof resources.$inferInsert)[] = [];
    const newMembers: (typeof groupMembers.$inferInsert)[] = [];
    const newGrants: (typeof grants.$inferInsert)[] = [];
    const orgScopes = new Map<string, string>();
    for (const [n, { line, tuple: t }] of chunk.entries()) {
      // Let the previous chunk's write move on (its COPY is only fed, and its next statement only sent, between our turns).
      if (n % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
      try {
        if (t.relation === "parent") {
          const parent = this.resource(t.subjectType, t.subjectId);
          const sameType = this.resourcesOfType(t.objectType);
          const existing = sameType.get(t.objectId);
          if (existing && existing !== "ambiguous") {
            if (existing.parentId !== parent.id) throw new LineError(`'${t.objectType}:${t.objectId}' already exists under another parent`);
            this.summary.skippedExisting++;
            continue;
          }
          const typeId = this.typeIds.get(t.objectType) ?? (await this.createType(t.objectType));
          const allowed = this.allowedParents.get(typeId);
          if (allowed && !allowed.has(parent.typeId)) throw new LineError(`a '${t.objectType}' may not be placed under a '${t.subjectType}' (type hierarchy rules)`);
          const id = newId("resource");
          sameType.set(t.objectId, { id, organizationId: parent.organizationId, typeId, parentId: parent.id });
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
          const target = this.resource(t.objectType, t.objectId);
          let scopeId = orgScopes.get(target.organizationId);
          if (!scopeId) {
            scopeId = this.tree.idByKey.get(target.organizationId) ?? ROOT_SCOPE_ID;
            orgScopes.set(target.organizationId, scopeId);
          }
          const roleId = this.roles.get(scopeId)?.get(t.relation) ?? (await this.findRoleId(t.relation, scopeId));
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
    const c = this.summary.created;
    c.users += newUsers.length;
    c.groups += newGroups.length;
    c.resources += newResources.length;
    this.rebuildCompleted(new Map<PgTable, number>([[resources, newResources.length], [groupMembers, newMembers.length], [grants, newGrants.length]]));
    this.writing = this.writing.then(async () => {
      await this.dropExistingGrants(newGrants);
      await this.dropExistingMembers(newMembers);
      await copyInto(this.tx, users, newUsers);
      await copyInto(this.tx, groups, newGroups);
      await copyInto(this.tx, resources, newResources);
      await copyInto(this.tx, groupMembers, newMembers);
      await copyInto(this.tx, grants, newGrants);
      c.groupMembers += newMembers.length;
      c.grants += newGrants.length;
    });
    // Observed here so a failed write cannot go unhandled while the next chunk is parsed; finish() rethrows it.
    this.writing.catch(() => {});
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

/** Reads, parses and applies every line; returns how many there were. */
async function applyLines(importer: Importer, source: AsyncIterator<string>, errors: FieldIssue[]): Promise<number> {
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
  return lineNo;
}

/** Imports tuples from a stream of lines; throws a validation error listing numbered lines, having written nothing. */
export async function importTuples(db: Database, actor: string, lines: AsyncIterable<string>) {
  // Start consuming at once: an event-based source (readline) drops lines emitted before iteration begins.
  const source = lines[Symbol.asyncIterator]();
  return write(db, actor, async (w) => {
    const importer = new Importer(w);
    await importer.prepare();
    const errors: FieldIssue[] = [];
    let lineNo: number;
    try {
      lineNo = await applyLines(importer, source, errors);
    } catch (error) {
      // The body may stop arriving while a chunk is being written: let that write end before the rollback.
      await importer.settled();
      throw error;
    }
    await importer.finish(errors.length === 0);
    errors.sort((a, b) => lineOf(a) - lineOf(b));
    if (errors.length) throw new ArborError("validation", `import rejected, nothing was written: ${errors[0].message}`, errors);
    importer.summary.lines = lineNo;
    w.record({ operation: "create", entityType: "import", entityId: `import_${w.revision}`, after: importer.summary });
    return importer.summary;
  });
}
