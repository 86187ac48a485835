import { test } from "node:test";
import assert from "node:assert/strict";
import { returnPath } from "./return-path";

test("local paths are kept with their query and fragment", () => {
  assert.equal(returnPath("/grants"), "/grants");
  assert.equal(returnPath("/resources/org_1/authz_resource_2?tab=access#path"), "/resources/org_1/authz_resource_2?tab=access#path");
  assert.equal(returnPath("/types/scope_default/../roles"), "/types/roles");
  // Percent-encoding is passed on as it came, never decoded into control characters.
  assert.equal(returnPath("/%0d%0aSet-Cookie:x"), "/%0d%0aSet-Cookie:x");
});

test("anything that could leave the site, or loop back to sign-in, falls back", () => {
  for (const bad of [
    undefined,
    null,
    "",
    "grants",
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "/\tevil",
    "javascript:alert(1)",
    "/sign-in?next=/grants",
    "/setup",
  ]) {
    assert.equal(returnPath(bad), "/", String(bad));
  }
  assert.equal(returnPath("//evil.example", "/types"), "/types");
});
