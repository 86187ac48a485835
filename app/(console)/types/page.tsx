import { redirect } from "next/navigation";
import { ROOT_SCOPE_ID } from "@/lib/scopes/schemas";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export default async function TypesIndex() {
  await requireAdmin();
  redirect(`/types/${ROOT_SCOPE_ID}`);
}
