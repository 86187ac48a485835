import type { Queryable } from "@/db/client";
import type { Resource } from "./refs";
import { typeKeys } from "./types";

/** A resource as the APIs show it: the row plus its type's key. */
export type ResourceView = Resource & { type: string };

export async function toViews(db: Queryable, rows: Resource[]): Promise<ResourceView[]> {
  const keys = await typeKeys(db, rows.map((r) => r.resourceTypeId));
  return rows.map((r) => ({ ...r, type: keys.get(r.resourceTypeId) ?? r.resourceTypeId }));
}

export const toView = async (db: Queryable, row: Resource): Promise<ResourceView> => (await toViews(db, [row]))[0];
