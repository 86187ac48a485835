/**
 * GenAuth access keys: an id and a secret the client signs requests with.
 * The secret is shown once, at creation, and stored sealed (./server-key.ts).
 * Each key acts within one organization: its own, or the default
 * organization (external id `default`) when it has none.
 */
import { randomBytes } from "node:crypto";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { accessKeys, organizations } from "@/db/schema";
import { ArborError, conflict, notFound, parseWith } from "@/lib/shared/errors";
import { ulid } from "ulid";
import { write } from "@/lib/revisions/write";
import { createOrganization, findOrganization, getOrganization, type Organization } from "@/lib/organizations/service";
import { configureServerKey, openSecret, sealSecret, type ServerKeySource } from "./server-key";
import { accessKeyCredentialsSchema, createAccessKeySchema } from "./schemas";

type Row = typeof accessKeys.$inferSelect;
export type AccessKey = Omit<Row, "secretCiphertext">;
/** A key with the name of the organization it is bound to (null: it acts in the default organization). */
export type AccessKeyView = AccessKey & { organizationName: string | null };

const visible = ({ secretCiphertext: _sealed, ...key }: Row): AccessKey => key;
// Row ids get their own prefix; lib/shared/ids.ts names the entities of the native API, where access keys do not appear.
const newAccessKeyRowId = () => `akey_${ulid()}`;
const makeCredentials = () => ({ accessKeyId: `ak_${randomBytes(12).toString("hex")}`, secret: randomBytes(24).toString("base64url") });

export const DEFAULT_ORGANIZATION = "default";

export async function createAccessKey(db: Database, actor: string, input: unknown, credentials?: { accessKeyId: string; secret: string }) {
  const data = parseWith(createAccessKeySchema, input);
  const { accessKeyId, secret } = credentials ? parseWith(accessKeyCredentialsSchema, credentials) : makeCredentials();
  return write(db, actor, async ({ tx, record }) => {
    const organization = data.organizationId ? await getOrganization(tx, data.organizationId, "organizationId") : undefined;
    const [clash] = await tx.select({ id: accessKeys.id }).from(accessKeys).where(eq(accessKeys.accessKeyId, accessKeyId));
    if (clash) throw conflict(`access key '${accessKeyId}' already exists`, "accessKeyId");
    const [row] = await tx
      .insert(accessKeys)
      .values({
        id: newAccessKeyRowId(),
        accessKeyId,
        secretCiphertext: sealSecret(secret, accessKeyId),
        name: data.name,
        organizationId: organization?.id ?? null,
        readOnly: data.readOnly,
        createdBy: actor,
      })
      .returning();
    record({ operation: "create", entityType: "access_key", entityId: row.id, organizationId: row.organizationId, after: visible(row) });
    return { key: visible(row), secret };
  });
}

export async function listAccessKeys(db: Queryable): Promise<AccessKey[]> {
  return (await db.select().from(accessKeys).orderBy(asc(accessKeys.createdAt), asc(accessKeys.id))).map(visible);
}

/** Every key, revoked ones included, oldest first, each with its organization's name: what the console lists. */
export async function listAccessKeyViews(db: Queryable): Promise<AccessKeyView[]> {
  const rows = await db
    .select({ key: accessKeys, organizationName: organizations.name })
    .from(accessKeys)
    .leftJoin(organizations, eq(organizations.id, accessKeys.organizationId))
    .orderBy(asc(accessKeys.createdAt), asc(accessKeys.id));
  return rows.map(({ key, organizationName }) => ({ ...visible(key), organizationName }));
}

export async function revokeAccessKey(db: Database, actor: string, id: string) {
  return write(db, actor, async ({ tx, record }) => {
    const [before] = await tx.select().from(accessKeys).where(eq(accessKeys.id, id));
    if (!before) throw notFound("access key", id, "id");
    const [after] = await tx.update(accessKeys).set({ revokedAt: before.revokedAt ?? new Date() }).where(eq(accessKeys.id, id)).returning();
    record({ operation: "update", entityType: "access_key", entityId: id, organizationId: after.organizationId, before: visible(before), after: visible(after) });
    return visible(after);
  });
}

const LAST_USED_RESOLUTION_MS = 60_000;

/** A live key and its secret, or null (unknown, revoked, or sealed under another server key). Marks it used, at most once a minute. */
export async function openAccessKey(db: Database, accessKeyId: string): Promise<{ key: AccessKey; secret: string } | null> {
  const [row] = await db
    .select()
    .from(accessKeys)
    .where(and(eq(accessKeys.accessKeyId, accessKeyId), isNull(accessKeys.revokedAt)));
  if (!row) return null;
  const secret = openSecret(row.secretCiphertext, row.accessKeyId);
  if (secret === null) return null;
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.update(accessKeys).set({ lastUsedAt: now }).where(eq(accessKeys.id, row.id));
  }
  return { key: visible(row), secret };
}

/** The organization a key acts in; the default organization is created on first need. */
export async function organizationOf(db: Database, key: Pick<AccessKey, "organizationId">): Promise<Organization> {
  if (key.organizationId) return getOrganization(db, key.organizationId, "organizationId");
  const found = await findOrganization(db, DEFAULT_ORGANIZATION);
  if (found) return found;
  try {
    return (await createOrganization(db, "system", { externalId: DEFAULT_ORGANIZATION, name: "Default organization" })).value;
  } catch (error) {
    // Another process created it first.
    if (!(error instanceof ArborError && error.kind === "conflict")) throw error;
    return getOrganization(db, DEFAULT_ORGANIZATION);
  }
}

/**
 * Start-up: decides the server key, then makes sure the access key named by
 * ARBOR_ACCESS_KEY_ID / ARBOR_ACCESS_KEY_SECRET exists with that secret (a
 * changed secret is re-sealed; a key revoked in the console stays revoked).
 */
export async function setUpAccessKeys(
  db: Database,
  options: ServerKeySource & { accessKeyId?: string; accessKeySecret?: string },
): Promise<void> {
  configureServerKey(options);
  if (!options.accessKeyId || !options.accessKeySecret) return;
  const credentials = parseWith(accessKeyCredentialsSchema, { accessKeyId: options.accessKeyId, secret: options.accessKeySecret });
  const [row] = await db.select().from(accessKeys).where(eq(accessKeys.accessKeyId, credentials.accessKeyId));
  if (!row) {
    await createAccessKey(db, "system", { name: "ARBOR_ACCESS_KEY_ID" }, credentials);
    return;
  }
  if (openSecret(row.secretCiphertext, row.accessKeyId) === credentials.secret) return;
  await write(db, "system", async ({ tx, record }) => {
    const [after] = await tx
      .update(accessKeys)
      .set({ secretCiphertext: sealSecret(credentials.secret, row.accessKeyId) })
      .where(eq(accessKeys.id, row.id))
      .returning();
    record({ operation: "update", entityType: "access_key", entityId: row.id, organizationId: row.organizationId, before: visible(row), after: visible(after) });
  });
}
