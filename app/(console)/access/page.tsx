import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Access checker" };

export default function AccessCheckerPage() {
  return (
    <ComingSoon
      title="Access checker"
      summary="Ask Arbor's one question: may this subject do this to that resource?"
      plans={[
        "check a subject, action and resource, and see the decision with the grants that decided it",
        "see the path from each deciding grant down to the resource",
        "list what a subject can reach, and who can act on a resource",
      ]}
    />
  );
}
