/** Adding and removing members one by one, idempotently: already there (or already gone) is success. */
import { ArborError, type ErrorKind } from "@/lib/shared/errors";

export async function each<T>(items: T[], run: (item: T) => Promise<unknown>, tolerated: ErrorKind): Promise<void> {
  for (const item of items) {
    await run(item).catch((error: unknown) => {
      if (!(error instanceof ArborError && error.kind === tolerated)) throw error;
    });
  }
}
