import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getArbor } from "@/lib/runtime";
import { hasAdmin } from "@/lib/admins/service";
import { returnPath } from "@/lib/admins/return-path";
import { currentSession } from "@/app/_auth/session";
import { SignInForm } from "@/components/auth/sign-in-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const asked = (await searchParams).next;
  const next = returnPath(typeof asked === "string" ? asked : null);
  if (await currentSession()) redirect(next);
  // A fresh installation has nobody to sign in: its first administrator is made on the first-run page.
  if (!(await hasAdmin((await getArbor()).db))) redirect("/setup");
  return (
    <>
      <h1>Sign in</h1>
      <p className="muted">Sign in with your administrator account to use the console.</p>
      <SignInForm next={next} />
    </>
  );
}
