/**
 * `npm run bench [-- --size S|M|L] [--requests N]`: the benchmark of
 * shared/bench on the database in DATABASE_URL (PostgreSQL) or on embedded
 * PGlite. Generates the dataset, imports it (timed), verifies every answer
 * against queries.json (a wrong answer fails the bench), then measures the
 * engine in-process and the app over HTTP, prints a table and writes JSON.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { connect, type Connection } from "@/db/client";
import { defineBenchModel, generateBenchData, type BenchQueries } from "@/lib/testing/bench-model";
import { importTuples } from "@/lib/import/import";
import { linesOf } from "@/lib/import/tuples";
import { accessEngine } from "@/lib/access/engine";
import { checkIn } from "@/lib/access/check";
import { lookupResources, lookupSubjects } from "@/lib/access/lookup";
import { createApiKey } from "@/lib/api-keys/service";
import { resolveResourceRef } from "@/lib/resources/refs";
import { createMembership } from "@/lib/subjects/memberships";
import { buildIfNeeded, root, serverEntry } from "./build-if-needed.mjs";
import { keepAliveClient, type Post } from "./keep-alive-client";

const args = Object.fromEntries(
  process.argv.slice(2).flatMap((a, i, all) => (a.startsWith("--") ? [[a.slice(2), all[i + 1] ?? "true"]] : [])),
);
const size = (args.size ?? "S") as "S" | "M" | "L";
/** Requests per HTTP figure: a few seconds each, so one collection or a neighbour's burst does not decide it. */
const REQUESTS = Number(args.requests ?? 20_000);
const WARM_UP = 2_000;
/** Requests per settling round, and at most this many rounds. */
const SETTLE = 10_000;
const SETTLE_ROUNDS = 8;
/** Batch requests of 1000 checks measured (after one warming pass over the dataset's checks). */
const BATCH_REQUESTS = 60;
const DURATION_LIMIT_MS = 20_000;
/** Size L's tuple count (shared/bench/README.md): the import target is "L loads in under 30 s". */
const L_TUPLES = 1_067_595;

type Figures = Record<string, number | string>;
const results: { section: string; figures: Figures }[] = [];
const record = (section: string, figures: Figures) => {
  results.push({ section, figures });
  console.log(`  ${section.padEnd(44)} ${Object.entries(figures).map(([k, v]) => `${k} ${v}`).join("  ")}`);
};

const ms = (n: number) => +n.toFixed(3);
function percentiles(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { p50: ms(at(0.5)), p99: ms(at(0.99)) };
}

/**
 * A fixed single-threaded workload, timed (median of five): a shared VM's
 * speed drifts by a third within minutes, and this records the CPU's part of
 * that next to the figures (not contention for the second core).
 */
function machineReference(): number {
  const times: number[] = [];
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    const map = new Map<number, number>();
    for (let i = 0; i < 1_000_000; i++) map.set(i & 0xffff, ((map.get((i * 7) & 0xffff) ?? 0) + i) % 1_000_003);
    times.push(performance.now() - start);
  }
  return ms(times.sort((a, b) => a - b)[2]);
}

async function throwawayDatabase() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arbor-bench-db-"));
    return {
      kind: "PGlite",
      env: { ARBOR_DATA_DIR: dir } as Record<string, string>,
      open: () => connect({ dataDir: dir }),
      size: async () => dirSize(dir),
      drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const { default: postgres } = await import("postgres");
  const name = `arbor_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    kind: "PostgreSQL",
    env: { DATABASE_URL: target.toString() } as Record<string, string>,
    open: () => connect({ databaseUrl: target.toString() }),
    size: async () => Number((await admin.unsafe(`select pg_database_size('${name}') as bytes`))[0].bytes),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

function dirSize(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirSize(full) : fs.statSync(full).size;
  }
  return total;
}

/** A process's memory from /proc: its peak resident set (VmHWM), or what is resident now (VmRSS). */
const memoryOf = (pid: number, field: "VmHWM" | "VmRSS") => {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
};
const rssOf = (pid: number) => memoryOf(pid, "VmHWM");
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Every answer must match queries.json; one wrong answer fails the bench. */
async function verify(conn: Connection, queries: BenchQueries) {
  const state = await accessEngine(conn.db).fresh();
  let wrong = 0;
  for (const [resource, action, subject, expected] of queries.checks) if (checkIn(state, { subject, action, resource }) !== expected) wrong++;
  for (const [subject, resourceType, action, expected] of queries.lookupResources) {
    let count = 0;
    let cursor: string | undefined;
    do {
      const page = await lookupResources(conn.db, { subject, resourceType, action, limit: 1000, cursor });
      count += page.data.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    if (count !== expected) wrong++;
  }
  for (const [resource, action, , expected] of queries.lookupSubjects) {
    const page = await lookupSubjects(conn.db, { resource, action, limit: 1000, includeActions: false });
    if (page.data.length !== expected) wrong++;
  }
  const total = queries.checks.length + queries.lookupResources.length + queries.lookupSubjects.length;
  record("correctness (checks + lookups)", { answers: total, wrong });
  if (wrong) throw new Error(`${wrong} wrong answers`);
}

async function inProcess(conn: Connection, queries: BenchQueries) {
  const state = await accessEngine(conn.db).fresh();
  for (const [resource, action, subject] of queries.checks.slice(0, 2000)) checkIn(state, { subject, action, resource });
  const samples: number[] = [];
  const start = performance.now();
  for (const [resource, action, subject] of queries.checks) {
    const t = performance.now();
    checkIn(state, { subject, action, resource });
    samples.push((performance.now() - t) * 1000);
  }
  const elapsed = performance.now() - start;
  const { p50, p99 } = percentiles(samples);
  record("check, in-process (µs)", { p50, p99, "checks/s": Math.round((queries.checks.length / elapsed) * 1000) });
  for (const [label, run] of [
    ["lookup resources, in-process (ms)", (i: number) => { const [subject, resourceType, action] = queries.lookupResources[i % queries.lookupResources.length]; return lookupResources(conn.db, { subject, resourceType, action, limit: 1000 }); }],
    ["lookup subjects, in-process (ms)", (i: number) => { const [resource, action] = queries.lookupSubjects[i % queries.lookupSubjects.length]; return lookupSubjects(conn.db, { resource, action, limit: 1000, includeActions: false }); }],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < 20; i++) await run(i);
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await run(i);
      times.push(performance.now() - t);
    }
    record(label, percentiles(times));
  }
}

/** How many of queries.json's checks the WorkOS figures cycle through: each needs its user's membership in the resource's organization. */
const WORKOS_CHECKS = 2000;
type WorkosCheck = { membershipId: string; typeSlug: string; externalId: string; action: string; expected: boolean };

/**
 * WorkOS names the subject by organization membership and finds the resource
 * within the membership's organization: each checked user gets a membership in
 * the organization that holds the checked resource (memberships grant nothing).
 */
async function workosChecks(conn: Connection, queries: BenchQueries): Promise<WorkosCheck[]> {
  const memberships = new Map<string, string>();
  const out: WorkosCheck[] = [];
  for (const [resource, action, subject, expected] of queries.checks.slice(0, WORKOS_CHECKS)) {
    const { organizationId } = await resolveResourceRef(conn.db, resource, { field: "resource" });
    const pair = `${subject}@${organizationId}`;
    let membershipId = memberships.get(pair);
    if (!membershipId) {
      membershipId = (await createMembership(conn.db, "bench", { userId: subject, organizationId })).value.id;
      memberships.set(pair, membershipId);
    }
    const [typeSlug, externalId] = resource.split(":");
    out.push({ membershipId, typeSlug, externalId, action, expected });
  }
  return out;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function startServer(env: Record<string, string>): Promise<{ url: URL; server: ChildProcess }> {
  const port = await freePort();
  const server = spawn(process.execPath, [serverEntry, "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env: { ...process.env, ...env }, stdio: "ignore" });
  const url = new URL(`http://127.0.0.1:${port}`);
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(new URL("/api/health", url))).ok) return { url, server };
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  server.kill();
  throw new Error("the app did not start");
}

/** Runs `total` requests with `concurrency` in flight (bounded in time too, or until `send` answers false); returns latencies in ms. */
async function load(concurrency: number, total: number, send: (i: number) => Promise<void | false>) {
  const samples: number[] = [];
  let next = 0;
  const deadline = performance.now() + DURATION_LIMIT_MS;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total && performance.now() < deadline) {
        const i = next++;
        const t = performance.now();
        if ((await send(i)) === false) return;
        samples.push(performance.now() - t);
      }
    }),
  );
  return { samples, perSecond: Math.round((samples.length / (performance.now() - start)) * 1000) };
}

/** Checks at concurrency 1, 16 and 64 (after a warm-up); `ask` answers whether the i-th check came back as queries.json expects. */
async function checksOverHttp(label: string, url: URL, key: string, ask: (post: Post, i: number) => Promise<boolean>) {
  // A server just started is still loading its index, compiling, and marking and promoting its heap (a second
  // or more of collector work at size L): measure it settled, once two rounds in a row run at the same rate.
  const warming = keepAliveClient(url, key, 16);
  let previous = 0;
  for (let round = 0; round < SETTLE_ROUNDS; round++) {
    const { perSecond } = await load(16, SETTLE, async (i) => void (await ask(warming.post, i)));
    if (Math.abs(perSecond - previous) <= previous * 0.1) break;
    previous = perSecond;
  }
  warming.close();
  for (const concurrency of [1, 16, 64]) {
    const { post, close } = keepAliveClient(url, key, concurrency);
    await load(concurrency, WARM_UP, async (i) => void (await ask(post, i)));
    let wrong = 0;
    const { samples, perSecond } = await load(concurrency, REQUESTS, async (i) => {
      if (!(await ask(post, i))) wrong++;
    });
    close();
    record(`check over HTTP, ${label}, c=${concurrency} (ms)`, { ...percentiles(samples), "checks/s": perSecond, wrong });
    if (wrong) throw new Error(`${wrong} wrong answers over HTTP (${label})`);
  }
}

async function overHttp(url: URL, key: string, queries: BenchQueries, workos: WorkosCheck[]) {
  const checks = queries.checks;
  await checksOverHttp("native", url, key, async (post, i) => {
    const [resource, action, subject, expected] = checks[i % checks.length];
    return (await post("/api/v1/check", { subject, action, resource })).body?.allowed === expected;
  });
  await checksOverHttp("WorkOS", url, key, async (post, i) => {
    const { membershipId, typeSlug, externalId, action, expected } = workos[i % workos.length];
    const res = await post(`/authorization/organization_memberships/${membershipId}/check`, { resource_type_slug: typeSlug, resource_external_id: externalId, permission_slug: action });
    return res.body?.authorized === expected;
  });
  const batch = keepAliveClient(url, key, 4);
  const batches = Math.floor(checks.length / 1000);
  const askBatch = async (i: number) => {
    const slice = checks.slice((i % batches) * 1000, (i % batches) * 1000 + 1000);
    const res = await batch.post("/api/v1/check/batch", { checks: slice.map(([resource, action, subject]) => ({ subject, action, resource })) });
    if (res.body.results.some((r: { allowed: boolean }, j: number) => r.allowed !== slice[j][3])) throw new Error("wrong batch answer");
  };
  // Settled like the single checks: one pass over the batches compiles the batch path first.
  await load(4, batches, askBatch);
  const { samples, perSecond } = await load(4, BATCH_REQUESTS, askBatch);
  batch.close();
  record("batch check over HTTP, 1000/request, c=4", { ...percentiles(samples), "checks/s": perSecond * 1000 });

  const { post: lookups, close } = keepAliveClient(url, key, 1);
  const lr = await load(1, 200, async (i) => {
    const [subject, resourceType, action] = queries.lookupResources[i % queries.lookupResources.length];
    await lookups("/api/v1/lookup/resources", { subject, resourceType, action, limit: 1000 });
  });
  record("lookup resources over HTTP (ms)", percentiles(lr.samples));
  const ls = await load(1, 200, async (i) => {
    const [resource, action] = queries.lookupSubjects[i % queries.lookupSubjects.length];
    await lookups("/api/v1/lookup/subjects", { resource, action, limit: 1000, includeActions: false });
  });
  close();
  record("lookup subjects over HTTP (ms)", percentiles(ls.samples));
}

/** Writes (grant, then revoke) while checks run: each write's check with atLeastAsFresh must see it. */
async function writeMix(url: URL, key: string, queries: BenchQueries) {
  const { send, post, close } = keepAliveClient(url, key, 17);
  const denied = queries.checks.filter(([, action, , expected]) => !expected && action === "manage").slice(0, 100);
  let stale = 0;
  let writes = 0;
  let running = true;
  const readers = load(16, 1_000_000, async (i) => {
    if (!running) return false;
    const [resource, action, subject] = queries.checks[i % queries.checks.length];
    await post("/api/v1/check", { subject, action, resource });
  });
  const writeTimes: number[] = [];
  for (const [resource, action, subject] of denied) {
    const t = performance.now();
    const granted = await post("/api/v1/grants", { subject, role: "admin", resource });
    writeTimes.push(performance.now() - t);
    writes++;
    const seen = await post("/api/v1/check", { subject, action, resource, atLeastAsFresh: granted.body.revision });
    if (seen.body.allowed !== true) stale++;
    await send("DELETE", `/api/v1/grants/${granted.body.id}`);
    writes++;
    const after = await post("/api/v1/check", { subject, action, resource });
    if (after.body.allowed !== false) stale++;
  }
  running = false;
  const reads = await readers;
  close();
  record("write mix: grant+revoke under c=16 checks", { writes, "write p50 ms": percentiles(writeTimes).p50, stale, "checks/s meanwhile": reads.perSecond });
  if (stale) throw new Error(`${stale} stale answers after writes`);
}

type ThrowawayDatabase = Awaited<ReturnType<typeof throwawayDatabase>>;
type BenchData = ReturnType<typeof generateBenchData>;

/** Import, correctness and the in-process figures, on a connection closed before the app server takes the database. */
async function inTheBenchProcess(database: ThrowawayDatabase, data: BenchData, meta: { tuples: number }) {
  const conn = await database.open();
  await defineBenchModel(conn.db);
  const t = performance.now();
  const lines = linesOf(fs.createReadStream(data.tuples, "utf8"));
  const { value } = await importTuples(conn.db, "bench", lines);
  const seconds = (performance.now() - t) / 1000;
  const rate = meta.tuples / seconds;
  record("import", { tuples: meta.tuples, seconds: +seconds.toFixed(1), "tuples/s": Math.round(rate), resources: value.created.resources + value.created.organizations });
  // The target is stated for size L: measured there, projected from this run's rate otherwise.
  record(`import of size L (${L_TUPLES.toLocaleString("en")} tuples)`, size === "L" ? { seconds: +seconds.toFixed(1) } : { "seconds at this rate": +(L_TUPLES / rate).toFixed(1) });
  const heapBefore = process.memoryUsage().heapUsed;
  const loadStart = performance.now();
  await accessEngine(conn.db).fresh();
  record("engine load (index build)", {
    seconds: +((performance.now() - loadStart) / 1000).toFixed(1),
    "heap grew": mb(process.memoryUsage().heapUsed - heapBefore),
    "bench RSS": mb(memoryOf(process.pid, "VmRSS")),
    "bench peak RSS": mb(rssOf(process.pid)),
  });
  await verify(conn, data.queries);
  await inProcess(conn, data.queries);
  const { value: key } = await createApiKey(conn.db, "bench", { name: "bench" });
  const workos = await workosChecks(conn, data.queries);
  // PGlite admits one process per data directory: hand it to the app server.
  await conn.close();
  return { key: key.secret, workos };
}

/** A full collection, so what the in-process phase left behind is not collected while HTTP figures are measured. */
function collectGarbage() {
  v8.setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

async function main() {
  console.log(`\nArbor bench — size ${size}, ${process.env.DATABASE_URL ? "PostgreSQL" : "PGlite"}, ${os.cpus().length} cores\n`);
  record("machine reference, before (ms, lower is faster)", { median: machineReference() });
  const data = generateBenchData(["--size", size]);
  const meta = JSON.parse(fs.readFileSync(path.join(data.dir, "meta.json"), "utf8"));
  const database = await throwawayDatabase();
  let server: ChildProcess | undefined;
  try {
    const { key, workos } = await inTheBenchProcess(database, data, meta);
    // The load generator shares the two cores with the server: its own heap should not still hold the engine.
    collectGarbage();
    buildIfNeeded();
    const started = await startServer(database.env);
    server = started.server;
    await overHttp(started.url, key, data.queries, workos);
    await writeMix(started.url, key, data.queries);
    record("server peak memory", { RSS: mb(rssOf(server.pid!)) });
    server.kill();
    server = undefined;
    record("database size", { size: mb(await database.size()) });
    record("machine reference, after (ms, lower is faster)", { median: machineReference() });
  } finally {
    server?.kill();
    await database.drop();
    fs.rmSync(data.dir, { recursive: true, force: true });
  }
  const out = path.join(root, "bench-results");
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `${size}-${process.env.DATABASE_URL ? "postgres" : "pglite"}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, JSON.stringify({ size, database: process.env.DATABASE_URL ? "postgres" : "pglite", cores: os.cpus().length, at: new Date().toISOString(), meta, results }, null, 2));
  console.log(`\nFigures written to ${path.relative(root, file)}`);
}

main().catch((error) => {
  console.error(`\nbench failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
