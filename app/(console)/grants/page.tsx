import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";

export const metadata: Metadata = { title: "Grants" };

export default function GrantsPage() {
  return (
    <ComingSoon
      title="Grants"
      summary="Who may do what, on which resources."
      plans={[
        "grant a role or actions to a user, group, department or role, on a resource or a pattern such as books:*",
        "allow or deny, with conditions",
        "list and revoke grants, and see the effect on access right away",
      ]}
    />
  );
}
