/**
 * Methods a route does not export. Next.js answers them with a bare 405: no
 * body and no Allow header, which no API family's clients can read. The API
 * adapters give each route handler a `wrongMethod` (app/_http/answer.ts) that
 * answers in the family's error format; this module finds, for a request, the
 * route Next.js would pick and what it exports, from the build's manifest.
 * Route modules are loaded the first time a request reaches them, as Next.js
 * would, and are the same modules Next.js runs.
 */
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const METHODS = ["GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"];

/** Segment kinds in Next.js's order of precedence: a static segment beats a parameter, which beats a catch-all. */
const STATIC = 0;
const PARAM = 1;
const CATCH_ALL = 2;
const OPTIONAL_CATCH_ALL = 3;

function segmentOf(text) {
  if (/^\[\[\.\.\.\w+\]\]$/.test(text)) return { kind: OPTIONAL_CATCH_ALL };
  if (/^\[\.\.\.\w+\]$/.test(text)) return { kind: CATCH_ALL };
  if (/^\[\w+\]$/.test(text)) return { kind: PARAM };
  return { kind: STATIC, text };
}

/** Every page and route handler of the build in `distDir` (pages too, so a page's path is never taken for a route's). */
export function loadRouteTable(distDir) {
  const manifest = require(path.join(distDir, "server", "app-paths-manifest.json"));
  return Object.entries(manifest)
    .map(([key, file]) => {
      const parts = key.split("/").filter(Boolean);
      const leaf = parts.pop();
      if (leaf !== "route" && leaf !== "page") return undefined;
      // Route groups `(name)` and parallel slots `@name` are not part of the URL.
      const segments = parts.filter((p) => !/^\(.*\)$/.test(p) && !p.startsWith("@")).map(segmentOf);
      return { segments, isRoute: leaf === "route", file: path.join(distDir, "server", file), exported: undefined };
    })
    .filter(Boolean);
}

function matches(segments, parts) {
  for (let i = 0; i < segments.length; i++) {
    const { kind, text } = segments[i];
    if (kind === CATCH_ALL) return parts.length > i;
    if (kind === OPTIONAL_CATCH_ALL) return true;
    if (i >= parts.length || (kind === STATIC && parts[i] !== text)) return false;
  }
  return parts.length === segments.length;
}

/** Lower is more specific: compared segment by segment, as Next.js orders its routes. */
function moreSpecific(a, b) {
  for (let i = 0; i < Math.max(a.segments.length, b.segments.length); i++) {
    const ka = a.segments[i]?.kind ?? -1;
    const kb = b.segments[i]?.kind ?? -1;
    if (ka !== kb) return ka < kb;
  }
  return false;
}

/** The methods a route handler exports, and its family's answer to the others (none for routes outside the API families). */
function exportsOf(entry) {
  if (!entry.exported) {
    let userland = {};
    try {
      userland = require(entry.file).routeModule?.userland ?? {};
    } catch {
      // A module that does not load is Next.js's to report (a 500 from its own loader), not a crash here.
    }
    const names = METHODS.filter((m) => typeof userland[m] === "function");
    const allowed = new Set([...names, "OPTIONS", ...(names.includes("GET") ? ["HEAD"] : [])]);
    entry.exported = { allowed: METHODS.filter((m) => allowed.has(m)), wrongMethod: names.map((m) => userland[m].wrongMethod).find((f) => typeof f === "function") };
  }
  return entry.exported;
}

/** The family's 405 answer when this request's method is one its route does not export; undefined to let Next.js serve it. */
export function wrongMethodAnswer(table, req) {
  const pathname = req.url.split("?")[0];
  // Trailing slashes are redirected and malformed encodings refused by Next.js itself.
  if (pathname.length > 1 && pathname.endsWith("/")) return undefined;
  let parts;
  try {
    parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
  let best;
  for (const entry of table) if (matches(entry.segments, parts) && (!best || moreSpecific(entry, best))) best = entry;
  if (!best?.isRoute) return undefined;
  const { allowed, wrongMethod } = exportsOf(best);
  if (!wrongMethod || allowed.includes(req.method)) return undefined;
  return wrongMethod(req.method, allowed);
}
