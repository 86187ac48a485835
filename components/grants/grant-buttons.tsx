"use client";

import type { SubjectHit } from "@/lib/subjects/search";
import { revokeGrantAction } from "@/app/(console)/grants/_actions/grants";
import type { TreeNode } from "@/components/resources/tree/tree-types";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DialogButton } from "@/components/ui/dialog-button";
import { GrantForm, type RoleOption } from "./grant-form";

type GrantButtonProps = { organizationId: string; root: TreeNode; roles: RoleOption[]; resource?: TreeNode; subject?: SubjectHit; label?: string; primary?: boolean };

export function NewGrantButton({ organizationId, root, roles, resource, subject, label = "New grant", primary = true }: GrantButtonProps) {
  return (
    <DialogButton label={label} title={resource ? `Grant access to ${resource.name}` : "New grant"} className={primary ? "button button-primary" : "button"}>
      {(close) => <GrantForm organizationId={organizationId} root={root} roles={roles} initialResource={resource} initialSubject={subject} onDone={close} />}
    </DialogButton>
  );
}

/** Revoke after confirmation; what the grant gave is named so the right row goes. */
export function RevokeGrantButton({ grantId, description }: { grantId: string; description: string }) {
  return (
    <ConfirmButton
      label="Revoke"
      ariaLabel={`Revoke ${description}`}
      title="Revoke this grant?"
      body={<p>{description}. Access it gave ends at once.</p>}
      action={() => revokeGrantAction(grantId)}
    />
  );
}
