/**
 * Compact references (SPEC "Native API conventions"): `type:externalId`
 * (`document:doc_7`, `user:user_4`, `group:eng#member`). The type ends at the
 * first colon; the external id may contain more colons (`book:books:123`).
 */
export type CompactRef = { type: string; key: string };

export function splitCompactRef(ref: string): CompactRef | null {
  const colon = ref.indexOf(":");
  if (colon <= 0 || colon === ref.length - 1) return null;
  const type = ref.slice(0, colon);
  if (!/^[a-z][a-z0-9-]{0,63}$/.test(type)) return null;
  let key = ref.slice(colon + 1);
  // Zanzibar usersets (`group:eng#member`) name the group's members: the group itself here.
  if (key.endsWith("#member")) key = key.slice(0, -"#member".length);
  return key ? { type, key } : null;
}
