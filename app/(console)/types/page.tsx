import { redirect } from "next/navigation";
import { ROOT_SCOPE_ID } from "@/lib/scopes/schemas";

export default function TypesIndex() {
  redirect(`/types/${ROOT_SCOPE_ID}`);
}
