import { z } from "zod";
import { genauthGet } from "../_genauth/adapter";
import { namespaceDto, namespacesOf } from "../_genauth/namespaces";
import { requiredListParam } from "../_genauth/params";

const schema = z.object({ codeList: requiredListParam(z.string().min(1).max(64), 50) });

/** Unknown codes are left out. */
export const GET = genauthGet(
  schema,
  async ({ db, organization, params }) => {
    const wanted = new Set(params.codeList);
    return (await namespacesOf(db, organization)).filter((n) => wanted.has(n.key)).map(namespaceDto);
  },
  { arrays: ["codeList"] },
);
