/**
 * The decision endpoints an application calls on every request it serves,
 * answered without Next.js's request pipeline (which costs several times the
 * decision itself): the server calls their route handlers' `POST` directly.
 * The handlers stay the single source of truth (parse → lib → shape), and
 * they are the very modules Next.js runs — loaded from the same build output
 * in the same process — so there is one engine, one revision clock and one
 * API-key cache, whichever path a request takes.
 */
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The hot routes, as their folders under app/ name them; `[param]` matches one URL-safe segment. */
const HOT_ROUTES = [
  "/api/v1/check",
  "/api/v1/check/batch",
  "/authorization/organization_memberships/[membershipId]/check",
];

/**
 * Ids are URL-safe (`om_01…`): a segment with anything else — percent-encoding
 * included — goes through Next.js, which decodes it and whose proxy answers
 * malformed encoding. A hot path therefore never needs decoding.
 */
const SEGMENT = "([A-Za-z0-9_-]{1,200})";

/**
 * Bodies are buffered before the handler reads them, so only a body of known,
 * bounded length takes the hot path; larger or chunked ones go through Next.js,
 * where the handler's own streaming limit refuses them.
 */
const MAX_BUFFERED_BYTES = 1_000_000;

/** Loads the hot routes' handlers from the build in `distDir`; throws if the build does not have them. */
export function loadHotRoutes(distDir) {
  const manifest = require(path.join(distDir, "server", "app-paths-manifest.json"));
  const { NextRequest } = require("next/server");
  return HOT_ROUTES.map((route) => {
    const file = manifest[`${route}/route`];
    // The compiled route module exposes the app's own exports as `routeModule.userland`.
    const handler = file && require(path.join(distDir, "server", file)).routeModule?.userland?.POST;
    if (typeof handler !== "function") throw new Error(`the build in ${distDir} has no POST handler for ${route}`);
    const names = [...route.matchAll(/\[(\w+)\]/g)].map((m) => m[1]);
    const pattern = new RegExp(`^${route.replace(/\[\w+\]/g, SEGMENT)}$`);
    return { pattern, names, handler, NextRequest };
  });
}

/** The hot route answering this request, with its path parameters; undefined when Next.js should serve it. */
export function matchHotRoute(routes, req) {
  if (req.method !== "POST" || req.headers["transfer-encoding"]) return undefined;
  const length = Number(req.headers["content-length"]);
  if (!Number.isInteger(length) || length > MAX_BUFFERED_BYTES) return undefined;
  for (const route of routes) {
    const m = route.pattern.exec(req.url);
    if (m) return { route, params: Object.fromEntries(route.names.map((name, i) => [name, m[i + 1]])) };
  }
  return undefined;
}

/** The whole body of a request whose length is declared and bounded (see MAX_BUFFERED_BYTES). */
function bodyOf(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (chunk) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Runs the route handler on the Node request and writes its Response back. */
export async function serveHotRoute({ route, params }, req, res, origin) {
  const body = await bodyOf(req);
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
  const request = new route.NextRequest(origin + req.url, { method: "POST", headers, body });
  const response = await route.handler(request, { params: Promise.resolve(params) });
  const answer = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  const out = {};
  for (const [name, value] of response.headers) if (name !== "set-cookie") out[name] = value;
  const cookies = response.headers.getSetCookie();
  if (cookies.length) out["set-cookie"] = cookies;
  if (answer) out["content-length"] = answer.length;
  res.writeHead(response.status, out);
  res.end(answer);
}
