import { applyTemplate } from "@/lib/templates/apply";
import { nativeRoute, written } from "../../../_native/adapter";

export const POST = nativeRoute<{ name: string }>(async ({ db, actor, params, body }) => {
  const { value, revision } = await applyTemplate(db, actor, params.name, await body());
  return written(value, revision);
}, { write: true });
