import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Resources" };

export default function ResourcesPage() {
  return (
    <ComingSoon
      title="Resources"
      summary="Each organization's resources as a tree."
      plans={[
        "browse and search the tree of an organization, fast with 100,000 resources",
        "create, edit, move and delete resources, with the type hierarchy enforced",
        "see a resource's direct and inherited grants and who has access",
      ]}
    />
  );
}
