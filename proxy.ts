/**
 * Runs before routing, for every family and the console: a path whose
 * percent-encoding does not decode (`%ff`, `%c0%af`, a lone `%`) is a 400.
 * Next.js itself would fail decoding it into route parameters with a 500.
 */
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    const message = "path: malformed percent-encoding";
    return Response.json({ error: { code: "invalid_request", message, issues: [{ field: "path", rule: "encoding", message }] } }, { status: 400 });
  }
  return NextResponse.next();
}
