import { z } from "zod";
import { createResourceTypes } from "@/lib/resource-types/service";
import { done, genauthPost } from "../_genauth/adapter";
import { namespaceCode } from "../_genauth/params";

const schema = z.object({
  list: z
    .array(
      z.object({
        code: namespaceCode,
        name: z.string().trim().min(1, "namespace name must not be empty").max(200),
        description: z.string().max(2000).optional(),
      }),
    )
    .min(1)
    .max(50),
});

/** All or nothing: one bad item creates none. */
export const POST = genauthPost(
  schema,
  async ({ db, actor, organization, params }) => {
    await createResourceTypes(db, actor, params.list.map((n) => ({ key: n.code, name: n.name, description: n.description, scopeId: organization.scopeId })));
    return done;
  },
  { write: true },
);
