import { test } from "node:test";
import assert from "node:assert/strict";
import { linesOf } from "./tuples";

async function lines(chunks: string[]): Promise<string[]> {
  const out: string[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const line of linesOf(source())) out.push(line);
  return out;
}

test("lines end with \\n, \\r\\n or a lone \\r, wherever the chunks are cut", async () => {
  const expected = ["# a comment", "doc:a#parent@organization:x", "doc:b#parent@organization:x", "", "doc:c#parent@organization:x"];
  const text = "# a comment\rdoc:a#parent@organization:x\r\ndoc:b#parent@organization:x\n\ndoc:c#parent@organization:x\r";
  assert.deepEqual(await lines([text]), expected);
  for (let cut = 1; cut < text.length; cut++) assert.deepEqual(await lines([text.slice(0, cut), text.slice(cut)]), expected, `cut at ${cut}`);
  assert.deepEqual(await lines(["a\r", "\n", "b"]), ["a", "b"], "a \\r\\n split across chunks is one line end");
});
