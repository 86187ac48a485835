/**
 * The console's session cookie. Only its name is needed by the proxy (which
 * looks for its presence and nothing more); the session behind it is checked
 * by the console's pages and actions themselves.
 */
export const SESSION_COOKIE = "arbor_session";

/** Request header the proxy sets on console requests: the page asked for, so a sign-in can return to it. */
export const ASKED_PATH_HEADER = "x-arbor-asked-path";

/**
 * HttpOnly keeps it from scripts; SameSite=Lax keeps it off cross-site
 * posts; Secure whenever the browser reached us over HTTPS (a TLS proxy in
 * front says so in X-Forwarded-Proto) or the operator insists.
 */
export function sessionCookieOptions(expiresAt: Date, forwardedProto: string | null, now = Date.now()) {
  const https = forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    path: "/",
    secure: https || process.env.ARBOR_SECURE_COOKIES === "1",
    maxAge: Math.max(0, Math.floor((expiresAt.getTime() - now) / 1000)),
  };
}
