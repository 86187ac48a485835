/**
 * Helpers for the domain tests of organizations, resources and subjects.
 * Grants are inserted directly: these tests check what deletes do to them,
 * independently of lib/grants.
 */
import assert from "node:assert/strict";
import { asc, gt } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { changeLog, grants } from "@/db/schema";
import { ArborError } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { currentRevision } from "@/lib/revisions/write";

export async function insertGrant(
  db: Queryable,
  grant: { organizationId: string; subjectType: string; subjectId: string; resourceId?: string; resourcePattern?: string },
) {
  const [row] = await db
    .insert(grants)
    .values({
      id: newId("grant"),
      organizationId: grant.organizationId,
      subjectType: grant.subjectType,
      subjectId: grant.subjectId,
      actions: ["read"],
      resourceId: grant.resourceId ?? null,
      resourcePattern: grant.resourcePattern ?? null,
      createdBy: "test",
    })
    .returning();
  return row;
}

/** Asserts an ArborError of this kind naming this field (and this rule, when given). */
export const rejects = (p: Promise<unknown>, kind: ArborError["kind"], field: string, rule?: string) =>
  assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof ArborError, `expected an ArborError, got ${String(e)}`);
    assert.equal(e.kind, kind, e.message);
    assert.ok(e.issues.some((i) => i.field === field && (!rule || i.rule === rule)), `expected ${field}${rule ? `/${rule}` : ""} in ${JSON.stringify(e.issues)}`);
    return true;
  });

/** Runs a failing operation and asserts that it wrote nothing: no revision, no change row. */
export async function rejectsWithoutWriting(db: Queryable, p: () => Promise<unknown>, kind: ArborError["kind"], field: string, rule?: string) {
  const before = await currentRevision(db);
  await rejects(p(), kind, field, rule);
  assert.equal(await currentRevision(db), before, "a rejected write must not advance the revision");
}

export async function changesAfter(db: Queryable, revision: number) {
  return db.select().from(changeLog).where(gt(changeLog.revision, revision)).orderBy(asc(changeLog.id));
}
