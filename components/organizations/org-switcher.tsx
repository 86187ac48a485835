"use client";

import { useId } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import type { OrganizationOption } from "@/app/(console)/_lib/organizations";

type Props = {
  organizations: OrganizationOption[];
  currentId: string;
  /** "path": /resources/<id>; "query": the current page with ?org=<id> (other filters dropped, they name the old organization's objects). */
  mode: "path" | "query";
};

export function OrgSwitcher({ organizations, currentId, mode }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const id = useId();
  const go = (orgId: string) => {
    if (mode === "path") return router.push(`/resources/${orgId}`);
    const next = new URLSearchParams();
    if (params.get("tab")) next.set("tab", params.get("tab")!);
    next.set("org", orgId);
    router.push(`${pathname}?${next}`);
  };
  return (
    <div className="field org-switcher">
      <label htmlFor={id}>Organization</label>
      <select id={id} value={currentId} onChange={(e) => go(e.target.value)}>
        {organizations.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
            {o.externalId && o.externalId !== o.name ? ` (${o.externalId})` : ""}
          </option>
        ))}
      </select>
    </div>
  );
}
