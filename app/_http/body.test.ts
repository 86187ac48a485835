import { test } from "node:test";
import assert from "node:assert/strict";
import { ArborError } from "@/lib/shared/errors";
import { fromBuffered } from "./api-request";
import { MAX_JSON_DEPTH, readJson } from "./body";

const read = (text: string) => readJson(fromBuffered({ method: "POST", url: "/x", headers: { "content-type": "application/json" }, body: Buffer.from(text) }));
const nested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);

test("nesting up to the limit is read; one level more is refused, naming the rule", async () => {
  assert.ok(await read(nested(MAX_JSON_DEPTH)));
  await assert.rejects(read(nested(MAX_JSON_DEPTH + 1)), (error: ArborError) => error.issues[0].rule === "max_depth");
  await assert.rejects(read(`{"a":${nested(MAX_JSON_DEPTH)}}`), (error: ArborError) => error.issues[0].rule === "max_depth");
});

test("brackets inside strings, escaped quotes included, are text, not nesting", async () => {
  const text = "[".repeat(100);
  assert.deepEqual(await read(JSON.stringify({ a: text, b: `\\"${text}`, c: `"{{{{` })), { a: text, b: `\\"${text}`, c: `"{{{{` });
});

test("many shallow objects (a batch) are read; an escaped NUL is refused", async () => {
  const checks = Array.from({ length: 1000 }, (_, i) => ({ subject: `user:u${i}`, action: "read", resource: `document:d${i}` }));
  assert.equal(((await read(JSON.stringify({ checks }))) as { checks: unknown[] }).checks.length, 1000);
  await assert.rejects(read('{"a":"x\\u0000"}'), (error: ArborError) => error.issues[0].rule === "text");
});
