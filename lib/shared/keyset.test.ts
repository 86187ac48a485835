import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { keysetSlice, type KeysetWindow } from "./keyset";

const items = Array.from({ length: 7 }, (_, i) => ({ id: `k${i}` }));
const keyOf = (i: { id: string }) => i.id;
const page = async (w: Partial<KeysetWindow>) => {
  const p = await keysetSlice(items, keyOf, { limit: 3, order: "asc", ...w });
  return { ids: p.data.map(keyOf), before: p.before, after: p.after };
};

describe("keyset pages", () => {
  test("forward in both orders: `after` names the last item while more follow", async () => {
    assert.deepEqual(await page({}), { ids: ["k0", "k1", "k2"], before: null, after: "k2" });
    assert.deepEqual(await page({ after: "k2" }), { ids: ["k3", "k4", "k5"], before: "k3", after: "k5" });
    assert.deepEqual(await page({ after: "k5" }), { ids: ["k6"], before: "k6", after: null });
    assert.deepEqual(await page({ order: "desc" }), { ids: ["k6", "k5", "k4"], before: null, after: "k4" });
    assert.deepEqual(await page({ order: "desc", after: "k1" }), { ids: ["k0"], before: "k0", after: null });
  });

  test("backward: `before` returns the items immediately preceding the cursor, still in the requested order", async () => {
    assert.deepEqual(await page({ before: "k5" }), { ids: ["k2", "k3", "k4"], before: "k2", after: "k4" });
    assert.deepEqual(await page({ before: "k2" }), { ids: ["k0", "k1"], before: null, after: "k1" });
    assert.deepEqual(await page({ order: "desc", before: "k2" }), { ids: ["k5", "k4", "k3"], before: "k5", after: "k3" });
    assert.deepEqual(await page({ order: "desc", before: "k5" }), { ids: ["k6"], before: null, after: "k6" });
  });

  test("walking after then before returns to the same page; an empty side gives nulls", async () => {
    const second = await page({ after: "k2" });
    assert.deepEqual((await page({ before: second.before! })).ids, ["k0", "k1", "k2"]);
    assert.deepEqual(await page({ after: "k6" }), { ids: [], before: null, after: null });
  });
});
