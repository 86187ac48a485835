#!/usr/bin/env node
/**
 * `npm test`: the whole suite against one database — embedded PGlite, or the
 * PostgreSQL server in DATABASE_URL (each test file and the server get a
 * throwaway database there).
 *   1. domain and adapter tests (lib/ and app/ **\/*.test.ts) in-process, node's test runner;
 *   2. the built app is started on a free port with a fresh database;
 *   3. API tests (e2e/api/**\/*.test.ts) over real HTTP against it;
 *   4. browser tests (e2e/console/**\/*.spec.ts) with Playwright in Chromium.
 * `npm test -- unit|api|browser` runs one part; any other argument keeps
 * only the test files whose path contains it (`npm test -- api fuzz`).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { buildIfNeeded, root, serverEntry } from "./build-if-needed.mjs";

const PARTS = ["unit", "api", "browser"];
const args = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const parts = args.filter((a) => PARTS.includes(a));
const fileFilters = args.filter((a) => !PARTS.includes(a));
const wants = (part) => parts.length === 0 || parts.includes(part);
const selected = (files) => (fileFilters.length ? files.filter((f) => fileFilters.some((filter) => f.includes(filter))) : files);
const totals = { passed: 0, failed: 0 };

function findFiles(dir, suffix) {
  return selected(allFiles(dir, suffix));
}

function allFiles(dir, suffix) {
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...allFiles(full, suffix));
    else if (entry.name.endsWith(suffix)) out.push(path.relative(root, full));
  }
  return out.sort();
}

function run(cmd, args, env, parse) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => { out += d; process.stdout.write(d); });
    child.stderr.on("data", (d) => process.stderr.write(d));
    child.on("exit", (code) => {
      const counts = parse(out);
      totals.passed += counts.passed;
      totals.failed += counts.failed + (code !== 0 && counts.failed === 0 ? 1 : 0);
      resolve(code);
    });
  });
}

const nodeCounts = (out) => ({
  passed: Number(/ℹ pass (\d+)/.exec(out)?.[1] ?? 0),
  failed: Number(/ℹ fail (\d+)/.exec(out)?.[1] ?? 0),
});
const playwrightCounts = (out) => ({
  passed: Number(/(\d+) passed/.exec(out)?.[1] ?? 0),
  failed: Number(/(\d+) failed/.exec(out)?.[1] ?? 0),
});

// With no files, node's runner would discover every test by itself: run nothing instead.
const nodeTest = (files, env) =>
  files.length
    ? run(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", "--test-concurrency=2", ...files], env, nodeCounts)
    : Promise.resolve(0);

function freePort() {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function throwawayDatabase() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arbor-test-"));
    return { env: { ARBOR_DATA_DIR: dir }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const { default: postgres } = await import("postgres");
  const name = `arbor_http_${randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: target.toString() },
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function startServer(env) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = fs.createWriteStream(path.join(os.tmpdir(), `arbor-server-${port}.log`));
  const server = spawn(process.execPath, [serverEntry, "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  server.stdout.pipe(log);
  server.stderr.pipe(log);
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { url, server };
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  server.kill();
  throw new Error(`the app did not start on ${url}; see ${log.path}`);
}

const mode = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
console.log(`\n=== Arbor test suite on ${mode} ===\n`);

/** Where each part's test files live. */
const TEST_FILES = { unit: [["lib", ".test.ts"], ["app", ".test.ts"]], api: [[path.join("e2e", "api"), ".test.ts"]], browser: [[path.join("e2e", "console"), ".spec.ts"]] };
const filesOf = (part) => TEST_FILES[part].flatMap(([dir, suffix]) => findFiles(path.join(root, dir), suffix));
const matching = PARTS.filter(wants).flatMap(filesOf);
if (matching.length === 0) {
  console.error(`No test file matches ${fileFilters.map((f) => `"${f}"`).join(" or ")}.`);
  process.exit(1);
}

if (wants("unit")) await nodeTest(filesOf("unit"), {});

if (wants("api") || wants("browser")) {
  buildIfNeeded();
  const database = await throwawayDatabase();
  const credentials = {
    ARBOR_API_KEY: `arbor_test_${randomBytes(16).toString("hex")}`,
    ARBOR_ACCESS_KEY_ID: `ak_test_${randomBytes(8).toString("hex")}`,
    ARBOR_ACCESS_KEY_SECRET: randomBytes(24).toString("hex"),
    ARBOR_SECRET: randomBytes(32).toString("hex"),
    ARBOR_ADMIN_EMAIL: "admin@arbor.test",
    ARBOR_ADMIN_PASSWORD: `pw-${randomBytes(12).toString("hex")}`,
  };
  const serverEnv = { ...database.env, ...credentials };
  const { url, server } = await startServer(serverEnv);
  // On PostgreSQL a second app process serves the same database, so tests can prove cross-process freshness.
  const second = process.env.DATABASE_URL ? await startServer(serverEnv) : null;
  const env = {
    ARBOR_TEST_URL: url,
    ARBOR_TEST_URL_B: second?.url ?? url,
    ARBOR_TEST_KEY: credentials.ARBOR_API_KEY,
    ARBOR_TEST_ACCESS_KEY_ID: credentials.ARBOR_ACCESS_KEY_ID,
    ARBOR_TEST_ACCESS_KEY_SECRET: credentials.ARBOR_ACCESS_KEY_SECRET,
    ARBOR_TEST_ADMIN_EMAIL: credentials.ARBOR_ADMIN_EMAIL,
    ARBOR_TEST_ADMIN_PASSWORD: credentials.ARBOR_ADMIN_PASSWORD,
  };
  try {
    if (wants("api")) await nodeTest(filesOf("api"), env);
    const specs = filesOf("browser");
    if (wants("browser") && specs.length) {
      const only = fileFilters.length ? specs : [];
      await run(path.join(root, "node_modules", ".bin", "playwright"), ["test", "--config", "e2e/playwright.config.ts", ...only], env, playwrightCounts);
    }
  } finally {
    server.kill();
    second?.server.kill();
    await database.drop();
  }
}

console.log(`\n${mode}: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed ? 1 : 0);
