// Shared by `npm start` and `npm test`: runs `next build` only when a source file is newer than the last build.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
export const nextBin = path.join(root, "node_modules", ".bin", "next");
/** What `npm start`, `npm test` and the bench serve the built app with. */
export const serverEntry = path.join(root, "scripts", "server.mjs");
export const distDir = process.env.ARBOR_DIST_DIR || ".next";
const stampFile = path.join(root, distDir, "arbor-build-stamp");
const sources = ["app", "components", "lib", "db", "public", "package.json", "next.config.ts", "tsconfig.json"];

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function buildIfNeeded() {
  const newest = Math.max(...sources.map((s) => newestMtime(path.join(root, s))));
  const built = fs.existsSync(stampFile) ? Number(fs.readFileSync(stampFile, "utf8")) : 0;
  if (fs.existsSync(path.join(root, distDir, "BUILD_ID")) && newest <= built) return;
  console.log("Building Arbor (sources changed since the last build)…");
  const result = spawnSync(nextBin, ["build"], { cwd: root, stdio: "inherit", env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(stampFile, String(newest));
}
