import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Change log" };

export default function ChangeLogPage() {
  return (
    <ComingSoon
      title="Change log"
      summary="Every write, with who made it, when, at which revision, and what changed."
      plans={["filter changes by entity, actor and time", "compare before and after for each change"]}
    />
  );
}
