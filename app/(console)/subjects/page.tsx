import { redirect } from "next/navigation";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export default async function SubjectsIndex() {
  await requireAdmin();
  redirect("/subjects/users");
}
