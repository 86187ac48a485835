import { monotonicFactory } from "ulid";

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

// Monotonic ULIDs sort by creation time even within one millisecond: cursor pages
// stay stable and a bulk import's parents sort before their children. Their
// random part is drawn from a pool of system random bytes, refilled 4 KiB at
// a time: left to itself the library asks the system for one byte per
// character, a second of a million-tuple import.
const pool = new Uint8Array(4096);
let drawn = pool.length;
const ulid = monotonicFactory(() => {
  if (drawn === pool.length) {
    crypto.getRandomValues(pool);
    drawn = 0;
  }
  return pool[drawn++] / 256;
});
export const newId = (kind: EntityKind) => `${ID_PREFIX[kind]}${ulid()}`;
