import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Users, groups, departments" };

export default function SubjectsPage() {
  return (
    <ComingSoon
      title="Users, groups, departments"
      summary="The people and teams that grants are given to."
      plans={["manage users and their organization memberships", "build groups with nested members", "arrange departments as a tree"]}
    />
  );
}
