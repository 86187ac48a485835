/**
 * Every console layout and page calls this before loading anything: without
 * a live session it redirects to sign-in, returning here afterwards. Layouts
 * are not re-rendered on client-side navigation, so the layout's check alone
 * would not cover the pages below it.
 */
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { Database } from "@/db/client";
import type { Admin } from "@/lib/admins/service";
import { getArbor } from "@/lib/runtime";
import { currentSession } from "@/app/_auth/session";
import { ASKED_PATH_HEADER } from "@/app/_auth/cookie";

export async function requireAdmin(): Promise<{ admin: Admin; db: Database }> {
  const session = await currentSession();
  if (!session) {
    const asked = (await headers()).get(ASKED_PATH_HEADER);
    redirect(asked ? `/sign-in?next=${encodeURIComponent(asked)}` : "/sign-in");
  }
  const { db } = await getArbor();
  return { admin: session.admin, db };
}
