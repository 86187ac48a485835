import { redirect } from "next/navigation";

/** The console opens on the type manager: definitions come before everything else. */
export default function Home() {
  redirect("/types");
}
