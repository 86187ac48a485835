/** Several resources in one transaction: the first bad item (named by its index) rolls back the whole batch. */
import type { Database } from "@/db/client";
import { write } from "@/lib/revisions/write";
import type { CreateResourceInput } from "./schemas";
import { insertResourceInTx } from "./service";
import type { ResourceView } from "./views";

export async function createResources(db: Database, actor: string, inputs: CreateResourceInput[]) {
  return write(db, actor, async (w) => {
    const out: ResourceView[] = [];
    for (const [i, input] of inputs.entries()) out.push(await insertResourceInTx(w, input, `[${i}]`));
    return out;
  });
}
