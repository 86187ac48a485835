import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getArbor } from "@/lib/runtime";
import { hasAdmin } from "@/lib/admins/service";
import { SetUpForm } from "@/components/auth/set-up-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "First run" };

/** Shown only while no administrator exists; afterwards it is the sign-in page's job. */
export default async function SetUpPage() {
  if (await hasAdmin((await getArbor()).db)) redirect("/sign-in");
  return (
    <>
      <h1>Welcome to Arbor</h1>
      <p className="muted">
        No administrator exists yet. Create the first one: it can use the console and add other administrators. Whoever reaches this page first
        claims the installation, so do this before exposing Arbor to others (or set <code>ARBOR_ADMIN_EMAIL</code> and <code>ARBOR_ADMIN_PASSWORD</code>).
      </p>
      <SetUpForm />
    </>
  );
}
