import { openApiDocument } from "../_native/openapi";

/** Public: the document describes the API, it grants nothing. */
export const GET = async () => Response.json(openApiDocument());
