/**
 * The one door from the console's server actions into the domain library.
 * A later issue adds the console sign-in check here, so every action must go
 * through `consoleAction`.
 */
import { revalidatePath } from "next/cache";
import type { Database } from "@/db/client";
import { getArbor } from "@/lib/runtime";
import { ArborError } from "@/lib/shared/errors";
import type { ActionResult } from "./result";

export type ConsoleContext = { db: Database; actor: string };

type Options = {
  /** A layout path whose pages show what the action changed; refreshed only on success. */
  revalidate?: string;
};

export async function consoleAction<T>(fn: (ctx: ConsoleContext) => Promise<T>, options: Options = {}): Promise<ActionResult<T>> {
  try {
    const { db } = await getArbor();
    const data = await fn({ db, actor: "console" });
    if (options.revalidate) revalidatePath(options.revalidate, "layout");
    return { data };
  } catch (error) {
    if (error instanceof ArborError) return { error: { message: error.message, issues: error.issues } };
    console.error("console action: unexpected error", error);
    return { error: { message: "Something went wrong on the server; nothing was saved. Try again, or check the server log.", issues: [] } };
  }
}
