/**
 * Runs before routing, for every family and the console.
 *  - A path whose percent-encoding does not decode (`%ff`, `%c0%af`, a lone
 *    `%`) is a 400. Next.js itself would fail decoding it into route
 *    parameters with a 500.
 *  - A console page asked for without a session cookie is sent to sign-in.
 *    This is only the first, cheap line: the cookie's session is checked by
 *    the console's layouts, pages and server actions themselves.
 */
import { NextResponse, type NextRequest } from "next/server";
import { ASKED_PATH_HEADER, SESSION_COOKIE } from "@/app/_auth/cookie";
import { API_CODE, failure } from "@/app/api/v3/_genauth/envelope";

const WORKOS_FAMILY = /^\/(authorization|organizations|user_management)(\/|$)/;
const GENAUTH_FAMILY = /^\/api\/v3(\/|$)/;
// Not console pages: the API families (each request carries its own key), sign-in and first run, Next's assets.
const NOT_CONSOLE = /^\/(api|authorization|organizations|user_management|sign-in|setup|_next)(\/|$)/;

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  try {
    decodeURIComponent(pathname);
  } catch {
    const message = "path: malformed percent-encoding";
    if (GENAUTH_FAMILY.test(pathname)) return failure(400, API_CODE.invalid, message, crypto.randomUUID(), 400);
    // The WorkOS SDK reads any `error` key as an OAuth error, so its paths get that family's flat shape.
    const body = WORKOS_FAMILY.test(pathname)
      ? { code: "invalid_request_parameters", message }
      : { error: { code: "invalid_request", message, issues: [{ field: "path", rule: "encoding", message }] } };
    return Response.json(body, { status: 400 });
  }
  if (NOT_CONSOLE.test(pathname)) return NextResponse.next();

  const asked = request.nextUrl.clone();
  asked.searchParams.delete("_rsc"); // the router's cache-buster, not part of the page
  const askedPath = `${asked.pathname}${asked.search}`;
  // Server actions answer for themselves (consoleAction refuses without a session) with a result the form can show.
  if (!request.cookies.has(SESSION_COOKIE) && !request.headers.has("next-action")) {
    const signIn = request.nextUrl.clone();
    signIn.pathname = "/sign-in";
    signIn.search = "";
    if (askedPath !== "/") signIn.searchParams.set("next", askedPath);
    return NextResponse.redirect(signIn);
  }
  const forwarded = new Headers(request.headers);
  forwarded.set(ASKED_PATH_HEADER, askedPath);
  return NextResponse.next({ request: { headers: forwarded } });
}

// Static assets have no route parameters to decode, and need no session.
export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
