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
    // The WorkOS SDK reads any `error` key as an OAuth error, so its paths get that family's flat shape.
    const workos = /^\/(authorization|organizations|user_management)(\/|$)/.test(request.nextUrl.pathname);
    const body = workos
      ? { code: "invalid_request_parameters", message }
      : { error: { code: "invalid_request", message, issues: [{ field: "path", rule: "encoding", message }] } };
    return Response.json(body, { status: 400 });
  }
  return NextResponse.next();
}

// Static assets have no route parameters to decode.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
