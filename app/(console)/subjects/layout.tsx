import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { SubjectTabs } from "@/components/subjects/subject-tabs";
import { requireAdmin } from "@/app/(console)/_lib/require-admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users, groups, departments" };

export default async function SubjectsLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return (
    <>
      <PageHeader
        title="Users, groups, departments"
        description="The subjects grants are given to. Users are shared by every organization and join one through a membership; groups (which nest) and departments (a tree) belong to an organization."
      />
      <SubjectTabs />
      {children}
    </>
  );
}
