/**
 * GenAuth's batch calls (delete-*-batch, add-*-members, remove-*-members) are
 * all or nothing: every item is applied in one transaction, under one revision.
 */
import type { Database } from "@/db/client";
import { ArborError, type ErrorKind } from "@/lib/shared/errors";
import { writeTogether } from "@/lib/revisions/write";

/**
 * Applies `apply` to every item inside one transaction. An item failing with
 * the `skipped` kind changes nothing and the batch goes on (an unknown code
 * to delete, a member already added or already removed); any other failure
 * undoes every item, those before it included.
 */
export async function applyTogether<T>(
  db: Database,
  actor: string,
  items: Iterable<T>,
  apply: (db: Database, item: T) => Promise<unknown>,
  skipped?: ErrorKind,
): Promise<void> {
  const list = [...items];
  if (!list.length) return;
  await writeTogether(db, actor, async (tx) => {
    for (const item of list) {
      await apply(tx, item).catch((error: unknown) => {
        if (!(skipped && error instanceof ArborError && error.kind === skipped)) throw error;
      });
    }
  });
}
