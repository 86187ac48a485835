/**
 * The signed-in administrator of the current request, read once per request
 * (React `cache`) however many layouts, pages and actions ask.
 */
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { getArbor } from "@/lib/runtime";
import { findSession, sessionHours, type Session } from "@/lib/admins/sessions";
import { SignInThrottle } from "@/lib/admins/throttle";
import { SESSION_COOKIE, sessionCookieOptions } from "./cookie";

export const currentSession = cache(async (): Promise<Session | null> => {
  const token = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!token) return null;
  const { db } = await getArbor();
  return findSession(db, token);
});

export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

export async function setSessionCookie(token: string, expiresAt: Date) {
  const proto = (await headers()).get("x-forwarded-proto");
  (await cookies()).set(SESSION_COOKIE, token, sessionCookieOptions(expiresAt, proto));
}

export async function clearSessionCookie() {
  const proto = (await headers()).get("x-forwarded-proto");
  (await cookies()).set(SESSION_COOKIE, "", sessionCookieOptions(new Date(0), proto));
}

export const configuredSessionHours = () => sessionHours(process.env.ARBOR_SESSION_HOURS);

// One throttle per process, kept on globalThis because Next.js may load this module more than once.
const holder = globalThis as unknown as { __arborSignInThrottle?: SignInThrottle };
export const signInThrottle = () => (holder.__arborSignInThrottle ??= new SignInThrottle());
