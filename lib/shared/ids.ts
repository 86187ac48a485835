import { ulid } from "ulid";

/** Id prefixes, one per entity (SPEC "Native API conventions"). */
export const ID_PREFIX = {
  scope: "scope_",
  resourceType: "rtype_",
  typeRule: "rtrule_",
  permission: "perm_",
  role: "role_",
  organization: "org_",
  resource: "authz_resource_",
  user: "user_",
  membership: "om_",
  group: "group_",
  department: "dept_",
  grant: "grant_",
  apiKey: "key_",
  admin: "admin_",
} as const;

export type EntityKind = keyof typeof ID_PREFIX;

// ULIDs sort by creation time, which keeps cursor pages stable and cheap.
export const newId = (kind: EntityKind) => `${ID_PREFIX[kind]}${ulid()}`;
