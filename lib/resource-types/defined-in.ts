/**
 * The types defined in one scope itself (not inherited), by an indexed
 * query: for callers that name a scope they own (an organization's scope,
 * where GenAuth namespaces live) and must not load the whole scope tree.
 */
import { and, asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { resourceTypes } from "@/db/schema";
import type { ResourceType } from "./service";

export async function typesDefinedIn(db: Queryable, scopeId: string): Promise<ResourceType[]> {
  return db.select().from(resourceTypes).where(eq(resourceTypes.scopeId, scopeId)).orderBy(asc(resourceTypes.id));
}

export async function typeDefinedIn(db: Queryable, scopeId: string, key: string): Promise<ResourceType | undefined> {
  const [row] = await db
    .select()
    .from(resourceTypes)
    .where(and(eq(resourceTypes.scopeId, scopeId), eq(resourceTypes.key, key)));
  return row;
}
