/**
 * The benchmark dataset's model (shared/bench/README.md): resource types,
 * actions view/edit/manage, and the roles viewer ⊂ editor ⊂ admin that hold them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import type { Database } from "@/db/client";
import { createResourceTypes } from "@/lib/resource-types/service";
import { createPermissions } from "@/lib/permissions/service";
import { createRole } from "@/lib/roles/service";

export const BENCH_TYPES = ["workspace", "project", "folder", "document"];
const ALL_TYPES = ["organization", ...BENCH_TYPES];

export async function defineBenchModel(db: Database) {
  await createResourceTypes(db, "bench", BENCH_TYPES.map((key) => ({ key, name: key })));
  await createPermissions(db, "bench", ALL_TYPES.flatMap((type) => ["view", "edit", "manage"].map((action) => ({ action, resourceType: type }))));
  const keys = (action: string) => ALL_TYPES.map((t) => `${t}:${action}`);
  await createRole(db, "bench", { slug: "viewer", name: "Viewer", permissions: keys("view") });
  await createRole(db, "bench", { slug: "editor", name: "Editor", permissions: keys("edit"), includes: ["viewer"] });
  await createRole(db, "bench", { slug: "admin", name: "Admin", permissions: keys("manage"), includes: ["editor"] });
}

export type BenchQueries = {
  checks: [resource: string, action: string, subject: string, expected: boolean][];
  lookupResources: [subject: string, type: string, action: string, expected: number][];
  lookupSubjects: [resource: string, action: string, subjectType: string, expected: number][];
};

/** Runs shared/bench/gen.mjs (deterministic) into a temporary folder. */
export function generateBenchData(args: string[]): { dir: string; tuples: string; queries: BenchQueries } {
  const generator = path.resolve(process.cwd(), "..", "shared", "bench", "gen.mjs");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arbor-bench-"));
  execFileSync(process.execPath, [generator, ...args, "--out", dir], { stdio: "ignore" });
  return { dir, tuples: path.join(dir, "tuples.txt"), queries: JSON.parse(fs.readFileSync(path.join(dir, "queries.json"), "utf8")) };
}
