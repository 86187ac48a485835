/**
 * The one door from the console's server actions into the domain library.
 * A server action is a public endpoint that anyone can call with a crafted
 * POST, whatever page it belongs to, so the session is checked here, on every
 * call, and not left to the page or the proxy.
 */
import { revalidatePath } from "next/cache";
import type { Database } from "@/db/client";
import { getArbor } from "@/lib/runtime";
import { adminActor } from "@/lib/admins/service";
import { currentSession } from "@/app/_auth/session";
import { toActionError, type ActionResult } from "./result";

export type ConsoleContext = { db: Database; actor: string };

type Options = {
  /** A layout path whose pages show what the action changed; refreshed only on success. */
  revalidate?: string;
};

const SIGNED_OUT = "You are not signed in (or your session has ended): sign in again. Nothing was saved.";

export async function consoleAction<T>(fn: (ctx: ConsoleContext) => Promise<T>, options: Options = {}): Promise<ActionResult<T>> {
  try {
    const session = await currentSession();
    if (!session) return { error: { message: SIGNED_OUT, issues: [{ field: "session", rule: "signed_in", message: SIGNED_OUT }] } };
    const { db } = await getArbor();
    const data = await fn({ db, actor: adminActor(session.admin) });
    if (options.revalidate) revalidatePath(options.revalidate, "layout");
    return { data };
  } catch (error) {
    return { error: toActionError(error, "console action") };
  }
}
