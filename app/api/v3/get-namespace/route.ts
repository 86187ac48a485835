import { z } from "zod";
import { genauthGet } from "../_genauth/adapter";
import { namespaceDto, requireNamespace } from "../_genauth/namespaces";
import { namespaceCode } from "../_genauth/params";

export const GET = genauthGet(z.object({ code: namespaceCode }), async ({ db, organization, params }) =>
  namespaceDto(await requireNamespace(db, organization, params.code, "code")),
);
