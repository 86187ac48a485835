/** Any /api/v3 path no route serves: the GenAuth envelope with HTTP 404, not Next's HTML page. */
import { randomUUID } from "node:crypto";
import type { NextRequest } from "next/server";
import { API_CODE, failure } from "../_genauth/envelope";

const unknown = async (req: NextRequest) => failure(404, API_CODE.notFound, `no such endpoint: ${req.method} ${req.nextUrl.pathname}`, randomUUID(), 404);

export { unknown as GET, unknown as POST, unknown as PUT, unknown as PATCH, unknown as DELETE };
