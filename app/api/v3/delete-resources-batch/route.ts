import { z } from "zod";
import { deleteResource } from "@/lib/resources/service";
import { resourcesByIds } from "@/lib/resources/by-type";
import { done, genauthPost } from "../_genauth/adapter";
import { applyTogether } from "../_genauth/batch";
import { requireNamespace } from "../_genauth/namespaces";
import { optionalNamespace } from "../_genauth/params";
import { findResources } from "../_genauth/resources";

const schema = z
  .object({
    namespace: optionalNamespace,
    codeList: z.array(z.string().min(1).max(256)).max(50).optional(),
    ids: z.array(z.string().min(1).max(100)).max(50).optional(),
  })
  .refine((q) => q.codeList?.length || q.ids?.length, { message: "give codeList or ids", path: ["codeList"] });

/**
 * Idempotent: unknown codes and ids are skipped, and so is a resource already
 * gone with an ancestor named before it. Each resource goes with its grants;
 * all of them in one transaction.
 */
export const POST = genauthPost(
  schema,
  async ({ db, actor, organization, params }) => {
    const namespace = await requireNamespace(db, organization, params.namespace);
    const byCode = await findResources(db, organization, namespace, params.codeList ?? []);
    const byId = (await resourcesByIds(db, params.ids ?? [])).filter((r) => r.organizationId === organization.id && r.resourceTypeId === namespace.id);
    const ids = new Set([...byCode, ...byId].map((r) => r.id));
    await applyTogether(db, actor, ids, (tx, id) => deleteResource(tx, actor, id, { cascade: true }), "not_found");
    return done;
  },
  { write: true },
);
