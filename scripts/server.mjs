#!/usr/bin/env node
/**
 * The Arbor HTTP server (`npm start`, `npm test` and `npm run bench` all run
 * it): serves the built app in this process. The hot decision endpoints
 * (scripts/hot-routes.mjs) are answered by calling their route handlers
 * directly, and a method an API route does not export is answered in its
 * family's error format (scripts/route-methods.mjs); every other request —
 * console, every other API route, and any request the hot path does not take
 * — is handed to Next.js, proxy.ts included.
 *
 *   node scripts/server.mjs [-p|--port PORT] [-H|--hostname HOST]
 *
 * PORT (default 3000) and ARBOR_DIST_DIR (default .next) as for `next start`;
 * without a hostname it listens on every interface. SIGTERM or SIGINT stops
 * taking connections and exits once the requests in flight are answered.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { loadHotRoutes, matchHotRoute, serveHotRoute, writeAnswer } from "./hot-routes.mjs";
import { loadRouteTable, wrongMethodAnswer } from "./route-methods.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const require = createRequire(import.meta.url);
const SHUTDOWN_GRACE_MS = 10_000;

function option(long, short) {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === long || a === short);
  return i >= 0 ? args[i + 1] : undefined;
}

const port = Number(option("--port", "-p") ?? process.env.PORT ?? 3000);
const hostname = option("--hostname", "-H");
// As under `next start`: migrations and the default ./.data resolve against the project root.
process.chdir(root);
process.env.NODE_ENV = "production";
// Next.js's request-scoped storage expects the global that `next start` installs before loading it.
globalThis.AsyncLocalStorage ??= AsyncLocalStorage;

const next = require("next");
const app = next({ dev: false, dir: root, hostname, port });
await app.prepare();
const handleWithNext = app.getRequestHandler();
const distDir = path.join(root, process.env.ARBOR_DIST_DIR || ".next");
const hotRoutes = loadHotRoutes(distDir);
const routeTable = loadRouteTable(distDir);

let closing = false;
const inFlight = new Set();

const server = http.createServer((req, res) => {
  // Once shutting down, every answer closes its connection, so keep-alive clients do not send more.
  if (closing) res.setHeader("connection", "close");
  inFlight.add(res);
  res.once("close", () => inFlight.delete(res));
  const hot = matchHotRoute(hotRoutes, req);
  if (!hot) {
    const refused = wrongMethodAnswer(routeTable, req);
    if (refused) {
      // The answer does not depend on the body: discarded, so the connection can carry the next request.
      req.resume();
      return void writeAnswer(refused, res);
    }
    return void handleWithNext(req, res);
  }
  serveHotRoute(hot, req, res).catch((error) => {
    // Handlers answer their own errors; this is the client going away or a bug in the bridge.
    if (!res.headersSent && !req.destroyed) {
      console.error(`${req.method} ${req.url}: unexpected error`, error);
      res.writeHead(500).end();
    } else res.destroy();
  });
});

server.listen(port, hostname, () => console.log(`Arbor is listening on http://${hostname ?? "localhost"}:${port}`));

/** Stops accepting connections, answers the requests already received, then exits. */
function shutdown() {
  closing = true;
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  for (const res of inFlight) {
    if (!res.headersSent) res.setHeader("connection", "close");
    // Already answering with keep-alive: its connection turns idle when done, and idle ones are closed now.
    else res.once("close", () => setImmediate(() => server.closeIdleConnections()));
  }
  setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
}
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, shutdown);
