import { addGroupMember, listGroupMembers, removeGroupMember } from "@/lib/subjects/groups";
import { first } from "@/app/_http/query";
import { list, nativeRoute, written } from "../../../_native/adapter";

type P = { id: string };

export const POST = nativeRoute<P>(async ({ db, actor, params, body, query }) => {
  const { value, revision } = await addGroupMember(db, actor, params.id, await body(), { organization: first(query.organization) });
  return written(value, revision, 201);
}, { write: true });

export const GET = nativeRoute<P>(async ({ db, params, query }) => {
  const page = await listGroupMembers(db, params.id, query, { organization: first(query.organization) });
  return list(page.data, page.nextCursor);
});

/** The member comes in the body `{type, id}` or as `?type=&id=`. */
export const DELETE = nativeRoute<P>(async ({ db, actor, params, body, query }) => {
  const input = (await body()) ?? { ...(query.type ? { type: first(query.type) } : {}), id: first(query.id) };
  const { value, revision } = await removeGroupMember(db, actor, params.id, input, { organization: first(query.organization) });
  return written({ ...value, deleted: true }, revision);
}, { write: true });
