"use client";

import { NewGrantButton } from "@/components/grants/grant-buttons";
import type { RoleOption } from "@/components/grants/grant-form";
import { DialogButton } from "@/components/ui/dialog-button";
import { DeleteResourceButton } from "./delete-resource";
import { CreateResourceForm, EditResourceForm, MoveResourceForm, type TypeOption } from "./resource-forms";
import type { TreeNode } from "./tree/tree-types";

type Props = {
  organizationId: string;
  root: TreeNode;
  resource: TreeNode & { description: string | null };
  types: TypeOption[];
  roles: RoleOption[];
};

/** What can be done to the resource on its page; the root goes only with its organization, so it has no edit, move or delete. */
export function ResourceActions({ organizationId, root, resource, types, roles }: Props) {
  const isRoot = resource.parentId === null;
  return (
    <div className="page-header-actions">
      <DialogButton label="New child" title={`New resource under ${resource.name}`} className="button button-primary">
        {(close) => <CreateResourceForm organizationId={organizationId} parent={resource} types={types} onDone={close} />}
      </DialogButton>
      <NewGrantButton organizationId={organizationId} root={root} roles={roles} resource={resource} label="Grant access" primary={false} />
      {!isRoot && (
        <>
          <DialogButton label="Edit" title={`Edit ${resource.name}`}>
            {(close) => <EditResourceForm resource={resource} onDone={close} />}
          </DialogButton>
          <DialogButton label="Move" title={`Move ${resource.name}`}>
            {(close) => <MoveResourceForm organizationId={organizationId} root={root} resource={resource} onDone={close} />}
          </DialogButton>
          <DeleteResourceButton organizationId={organizationId} resource={resource} />
        </>
      )}
    </div>
  );
}
