import { test } from "node:test";
import assert from "node:assert/strict";
import { globMatch, globPrefix } from "./glob";

const rows: [string, string, boolean][] = [
  ["*", "anything", true],
  ["books:*", "books:123", true],
  ["books:*", "book:123", false],
  ["books:fictions_*", "books:fictions_7", true],
  ["doc_*_draft", "doc_7_draft", true],
  ["doc_*_draft", "doc_7_final", false],
  ["exact", "exact", true],
  ["exact", "exactly", false],
  ["a*b*c", "aXXbYYc", true],
  ["a*b*c", "aXXbYY", false],
  ["", "", true],
];

test("glob patterns match external ids", () => {
  for (const [pattern, text, expected] of rows) assert.equal(globMatch(pattern, text), expected, `${pattern} ~ ${text}`);
});

test("pathological patterns finish quickly (no backtracking blow-up)", () => {
  const pattern = "*a".repeat(100) + "b";
  const text = "a".repeat(50_000);
  assert.equal(globMatch(pattern, text), false);
});

test("prefix of a glob", () => {
  assert.equal(globPrefix("books:fic*"), "books:fic");
  assert.equal(globPrefix("plain"), "plain");
});
