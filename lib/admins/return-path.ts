/**
 * Where to go after signing in: the page first asked for, if it is a path on
 * this site. Anything that could leave it (`//evil.example`, `/\evil`,
 * `https://…`, control characters) falls back to the console's start.
 */
const BASE = "http://arbor.invalid";
const SIGN_IN_PAGES = ["/sign-in", "/setup"];

export function returnPath(value: string | null | undefined, fallback = "/"): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  // Returning to the sign-in page itself would loop.
  if (SIGN_IN_PAGES.some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`))) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
