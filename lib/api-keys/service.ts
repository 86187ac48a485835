import { createHash, randomBytes } from "node:crypto";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { apiKeys, organizations } from "@/db/schema";
import { notFound, parseWith } from "@/lib/shared/errors";
import { newId } from "@/lib/shared/ids";
import { processGlobal } from "@/lib/shared/process-global";
import { write } from "@/lib/revisions/write";
import { revisionClock } from "@/lib/revisions/clock";
import { getOrganization } from "@/lib/organizations/service";
import { createApiKeySchema } from "./schemas";

export type ApiKey = Omit<typeof apiKeys.$inferSelect, "hash">;
/** A key with the name of the organization it is restricted to (null: all organizations). */
export type ApiKeyView = ApiKey & { organizationName: string | null };

// Keys are 32 random bytes, so a fast hash is enough: there is nothing to brute-force.
const hashSecret = (secret: string) => createHash("sha256").update(secret).digest("hex");
const makeSecret = () => `arbor_sk_${randomBytes(32).toString("base64url")}`;
const visible = ({ hash: _hash, ...key }: typeof apiKeys.$inferSelect): ApiKey => key;

export async function createApiKey(db: Database, actor: string, input: unknown, secret = makeSecret()) {
  const data = parseWith(createApiKeySchema, input);
  return write(db, actor, async ({ tx, record }) => {
    const org = data.organizationId ? await getOrganization(tx, data.organizationId, "organizationId") : undefined;
    const [row] = await tx
      .insert(apiKeys)
      .values({
        id: newId("apiKey"),
        name: data.name,
        prefix: secret.slice(0, 14),
        hash: hashSecret(secret),
        organizationId: org?.id ?? null,
        readOnly: data.readOnly,
        createdBy: actor,
      })
      .returning();
    record({ operation: "create", entityType: "api_key", entityId: row.id, after: visible(row) });
    return { key: visible(row), secret };
  });
}

const LAST_USED_RESOLUTION_MS = 60_000;
const CACHE_LIMIT = 10_000;

/**
 * Lookups are cached per revision: revoking or creating a key is a write that
 * advances the revision, so a cached answer is reused only while nothing has
 * been written since — a revoked key stops working at once, in every process.
 * The cache is keyed by the secret itself, which the request holds in memory
 * anyway: hashing it on every request cost more than the check it guards.
 */
type CachedKey = { key: ApiKey | null; revision: number; lastUsedMs: number };
const authCache = processGlobal("api-key-cache", () => new WeakMap<Database, Map<string, CachedKey>>());

/** The live key for a secret, or null. Last use is stored at most once a minute per key. */
export async function authenticateApiKey(db: Database, secret: string): Promise<ApiKey | null> {
  const revision = await revisionClock(db).latest();
  let cache = authCache.get(db);
  if (!cache) authCache.set(db, (cache = new Map()));
  let entry = cache.get(secret);
  if (!entry || entry.revision !== revision) {
    const [row] = await db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.hash, hashSecret(secret)), isNull(apiKeys.revokedAt)));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    const key = row ? visible(row) : null;
    entry = { key, revision, lastUsedMs: key?.lastUsedAt?.getTime() ?? 0 };
    cache.set(secret, entry);
  }
  const key = entry.key;
  if (!key) return null;
  const now = Date.now();
  if (now - entry.lastUsedMs > LAST_USED_RESOLUTION_MS) {
    entry.lastUsedMs = now;
    key.lastUsedAt = new Date(now);
    await db.update(apiKeys).set({ lastUsedAt: key.lastUsedAt }).where(eq(apiKeys.id, key.id));
  }
  return key;
}

export async function listApiKeys(db: Queryable): Promise<ApiKey[]> {
  const rows = await db.select().from(apiKeys).orderBy(asc(apiKeys.createdAt), asc(apiKeys.id));
  return rows.map(visible);
}

/** Every key, revoked ones included, oldest first, each with its organization's name: what the console lists. */
export async function listApiKeyViews(db: Queryable): Promise<ApiKeyView[]> {
  const rows = await db
    .select({ key: apiKeys, organizationName: organizations.name })
    .from(apiKeys)
    .leftJoin(organizations, eq(organizations.id, apiKeys.organizationId))
    .orderBy(asc(apiKeys.createdAt), asc(apiKeys.id));
  return rows.map(({ key, organizationName }) => ({ ...visible(key), organizationName }));
}

export async function revokeApiKey(db: Database, actor: string, id: string) {
  return write(db, actor, async ({ tx, record }) => {
    const [before] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id));
    if (!before) throw notFound("API key", id, "id");
    // Revoking again keeps the first revocation time: that is when the key stopped working.
    if (before.revokedAt) return visible(before);
    const [after] = await tx.update(apiKeys).set({ revokedAt: new Date() }).where(eq(apiKeys.id, id)).returning();
    record({ operation: "update", entityType: "api_key", entityId: id, before: visible(before), after: visible(after) });
    return visible(after);
  });
}

/**
 * Start-up: `ARBOR_API_KEY` is made to exist; with no key at all, one is
 * created and its secret returned so the caller can print it once.
 */
export async function ensureApiKey(db: Database, fromEnv?: string): Promise<string | null> {
  if (fromEnv) {
    const [row] = await db.select({ id: apiKeys.id }).from(apiKeys).where(eq(apiKeys.hash, hashSecret(fromEnv)));
    if (!row) await createApiKey(db, "system", { name: "ARBOR_API_KEY" }, fromEnv);
    return null;
  }
  const [{ n }] = await db.select({ n: count() }).from(apiKeys);
  if (n > 0) return null;
  const { value } = await createApiKey(db, "system", { name: "first key" });
  return value.secret;
}
