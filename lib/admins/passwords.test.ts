import { test } from "node:test";
import assert from "node:assert/strict";
import { hashPassword, PASSWORD_COST, verifyPassword } from "./passwords";
import { DECOY_HASH } from "./service";

test("a password is stored salted, with its scrypt parameters, and verifies only itself", async () => {
  const first = await hashPassword("correct horse battery");
  const second = await hashPassword("correct horse battery");
  assert.match(first, /^scrypt\$n=32768,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  assert.notEqual(first, second, "each hash has its own salt");
  assert.equal(await verifyPassword("correct horse battery", first), true);
  assert.equal(await verifyPassword("correct horse battery", second), true);
  assert.equal(await verifyPassword("correct horse batterY", first), false);
  assert.equal(await verifyPassword("", first), false);
});

test("the parameters are read from the stored string, so a hash made at another cost still verifies", async () => {
  const cheap = await hashPassword("another long password", { n: 1024, r: 8, p: 1 });
  assert.match(cheap, /^scrypt\$n=1024,r=8,p=1\$/);
  assert.equal(await verifyPassword("another long password", cheap), true);
  assert.equal(await verifyPassword("another long passworD", cheap), false);
});

test("a malformed or altered stored hash verifies nothing, and absurd parameters are not attempted", async () => {
  const stored = await hashPassword("the real password", { n: 1024, r: 8, p: 1 });
  const [, params, salt, key] = stored.split("$");
  const flipped = key.slice(0, -2) + (key.at(-2) === "A" ? "B" : "A") + key.at(-1);
  for (const bad of [
    "",
    "plain text",
    `bcrypt$${params}$${salt}$${key}`,
    `scrypt$${params}$${salt}$${flipped}`,
    `scrypt$n=1000,r=8,p=1$${salt}$${key}`, // not a power of two
    `scrypt$n=1073741824,r=8,p=1$${salt}$${key}`, // would need a terabyte
    `scrypt$${params}$${salt}$AAAA`, // key too short to mean anything
  ]) {
    assert.equal(await verifyPassword("the real password", bad), false, bad);
  }
});

test("the decoy hash used for unknown emails costs what a real password costs", () => {
  const { n, r, p } = PASSWORD_COST;
  assert.ok(DECOY_HASH.startsWith(`scrypt$n=${n},r=${r},p=${p}$`), "regenerate DECOY_HASH when the cost changes");
});
