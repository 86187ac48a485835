"use server";
/**
 * Sign-in, first run and sign-out. These are the only server actions that
 * run without a session: each checks what it needs itself (credentials, "no
 * administrator yet", nothing) and touches nothing else.
 */
import { redirect } from "next/navigation";
import { getArbor } from "@/lib/runtime";
import { createFirstAdmin } from "@/lib/admins/service";
import { endSession, startSession } from "@/lib/admins/sessions";
import { signIn } from "@/lib/admins/sign-in";
import { returnPath } from "@/lib/admins/return-path";
import { toActionError, type ActionResult } from "@/app/(console)/_lib/result";
import { clearSessionCookie, configuredSessionHours, sessionToken, setSessionCookie, signInThrottle } from "@/app/_auth/session";

/** Signs in and goes to `next` (when it is a page of this site), else to the console's start. */
export async function signInAction(input: unknown, next?: unknown): Promise<ActionResult<never>> {
  try {
    const { db } = await getArbor();
    const { token, expiresAt } = await signIn(db, input, { throttle: signInThrottle(), hours: configuredSessionHours() });
    await setSessionCookie(token, expiresAt);
  } catch (error) {
    return { error: toActionError(error, "sign-in") };
  }
  redirect(returnPath(typeof next === "string" ? next : null));
}

/** The first-run page: creates the first administrator, signs them in, opens the console. */
export async function setUpAction(input: unknown): Promise<ActionResult<never>> {
  try {
    const { db } = await getArbor();
    const { value: admin } = await createFirstAdmin(db, "setup", input);
    const { token, expiresAt } = await startSession(db, admin.id, { hours: configuredSessionHours() });
    await setSessionCookie(token, expiresAt);
  } catch (error) {
    return { error: toActionError(error, "first-run setup") };
  }
  redirect("/");
}

export async function signOutAction(): Promise<void> {
  const { db } = await getArbor();
  await endSession(db, await sessionToken());
  await clearSessionCookie();
  redirect("/sign-in");
}
