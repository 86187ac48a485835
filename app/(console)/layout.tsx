import { Shell } from "@/components/shell/shell";
import { requireAdmin } from "./_lib/require-admin";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const { admin } = await requireAdmin();
  return <Shell email={admin.email}>{children}</Shell>;
}
