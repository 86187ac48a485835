/**
 * The decision endpoints an application calls on every request it serves
 * (and the other decision queries), answered without Next.js's request pipeline and without web Request and
 * Response objects (together several times the cost of the decision): the
 * server hands Node's request, body read, to the `serve` that each of these
 * routes' `POST` carries (app/_http/api-request.ts) and writes the answer
 * itself. The handlers stay the single source of truth (parse → lib →
 * shape), and they are the very modules Next.js runs — loaded from the same
 * build output in the same process — so there is one engine, one revision
 * clock and one API-key cache, whichever path a request takes.
 */
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** The hot routes — the decision queries, none of which writes — as their folders under app/ name them; `[param]` matches one URL-safe segment. */
const HOT_ROUTES = [
  "/api/v1/check",
  "/api/v1/check/batch",
  "/api/v1/explain",
  "/api/v1/effective-actions",
  "/api/v1/lookup/resources",
  "/api/v1/lookup/subjects",
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
  return HOT_ROUTES.map((route) => {
    const file = manifest[`${route}/route`];
    // The compiled route module exposes the app's own exports as `routeModule.userland`.
    const handler = file && require(path.join(distDir, "server", file)).routeModule?.userland?.POST?.serve;
    if (typeof handler !== "function") throw new Error(`the build in ${distDir} has no POST handler with \`serve\` for ${route}`);
    const names = [...route.matchAll(/\[(\w+)\]/g)].map((m) => m[1]);
    const pattern = new RegExp(`^${route.replace(/\[\w+\]/g, SEGMENT)}$`);
    return { pattern, names, handler };
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

const JSON_TYPE = "application/json";

/** Runs the route's handler on the Node request and writes its answer back. */
export async function serveHotRoute({ route, params }, req, res) {
  const body = await bodyOf(req);
  const out = await route.handler({ method: req.method, url: req.url, headers: req.headers, body }, params);
  if (out instanceof Response) return writeResponse(out, res);
  writeAnswer(out, res);
}

/** Writes an `Answer` (app/_http/answer.ts): status, JSON body, headers. */
export function writeAnswer(out, res) {
  const text = out.json === undefined ? undefined : JSON.stringify(out.json);
  const headers = text === undefined ? { ...out.headers } : { "content-type": JSON_TYPE, ...out.headers, "content-length": Buffer.byteLength(text) };
  res.writeHead(out.status, headers);
  res.end(text);
}

/** An answer given as a web Response (the type allows it: a stream, a stored replay). */
async function writeResponse(response, res) {
  const answer = response.body ? Buffer.from(await response.arrayBuffer()) : undefined;
  const out = {};
  for (const [name, value] of response.headers) if (name !== "set-cookie") out[name] = value;
  const cookies = response.headers.getSetCookie();
  if (cookies.length) out["set-cookie"] = cookies;
  if (answer) out["content-length"] = answer.length;
  res.writeHead(response.status, out);
  res.end(answer);
}
