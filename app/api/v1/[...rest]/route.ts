import { ArborError } from "@/lib/shared/errors";
import { errorResponse } from "../_native/adapter";

/** Unknown /api/v1 paths answer in JSON like every other native error, not with an HTML page. */
const unknown = async (req: Request) =>
  errorResponse(new ArborError("not_found", `no such endpoint: ${req.method} ${new URL(req.url).pathname}`));

export { unknown as GET, unknown as POST, unknown as PUT, unknown as PATCH, unknown as DELETE };
