import { test } from "node:test";
import assert from "node:assert/strict";
import { conditionsHold, conditionsSchema, type Condition } from "./conditions";
import { ipInCidr } from "./ip";

const rows: { name: string; condition: Condition; context: Record<string, string | number | boolean>; expected: boolean }[] = [
  { name: "StringEquals match", condition: { param: "dept", operator: "StringEquals", value: "eng" }, context: { dept: "eng" }, expected: true },
  { name: "StringEquals any of", condition: { param: "dept", operator: "StringEquals", value: ["ops", "eng"] }, context: { dept: "eng" }, expected: true },
  { name: "StringEquals missing param fails closed", condition: { param: "dept", operator: "StringEquals", value: "eng" }, context: {}, expected: false },
  { name: "StringNotEquals", condition: { param: "dept", operator: "StringNotEquals", value: "eng" }, context: { dept: "ops" }, expected: true },
  { name: "StringLike glob", condition: { param: "path", operator: "StringLike", value: "/docs/*" }, context: { path: "/docs/a" }, expected: true },
  { name: "NumericLessThan", condition: { param: "amount", operator: "NumericLessThan", value: 100 }, context: { amount: 99 }, expected: true },
  { name: "NumericGreaterThan false", condition: { param: "amount", operator: "NumericGreaterThan", value: 100 }, context: { amount: 99 }, expected: false },
  { name: "NumericEquals from string", condition: { param: "level", operator: "NumericEquals", value: 3 }, context: { level: "3" }, expected: true },
  { name: "Bool", condition: { param: "mfa", operator: "Bool", value: true }, context: { mfa: true }, expected: true },
  { name: "IpAddress v4 in range", condition: { param: "ip", operator: "IpAddress", value: "10.0.0.0/8" }, context: { ip: "10.2.3.4" }, expected: true },
  { name: "IpAddress v4 outside", condition: { param: "ip", operator: "IpAddress", value: "10.0.0.0/8" }, context: { ip: "11.2.3.4" }, expected: false },
  { name: "IpAddress v6", condition: { param: "ip", operator: "IpAddress", value: "2001:db8::/32" }, context: { ip: "2001:db8::1" }, expected: true },
  { name: "DateLessThan", condition: { param: "now", operator: "DateLessThan", value: "2030-01-01T00:00:00Z" }, context: { now: "2026-11-23T00:00:00Z" }, expected: true },
  { name: "DateGreaterThan", condition: { param: "now", operator: "DateGreaterThan", value: "2030-01-01T00:00:00Z" }, context: { now: "2026-11-23T00:00:00Z" }, expected: false },
];

test("each operator evaluates against the check context", () => {
  for (const row of rows) assert.equal(conditionsHold([row.condition], row.context), row.expected, row.name);
});

test("malformed conditions are rejected with the field", () => {
  const bad = conditionsSchema.safeParse([{ param: "ip", operator: "IpAddress", value: "999.1.1.1/40" }]);
  assert.equal(bad.success, false);
  const unknownOp = conditionsSchema.safeParse([{ param: "x", operator: "Regex", value: "(a+)+" }]);
  assert.equal(unknownOp.success, false);
  const wrongType = conditionsSchema.safeParse([{ param: "n", operator: "NumericLessThan", value: "7" }]);
  assert.equal(wrongType.success, false);
});

test("ip ranges compare exactly", () => {
  assert.equal(ipInCidr("192.168.1.255", "192.168.1.0/24"), true);
  assert.equal(ipInCidr("192.168.2.0", "192.168.1.0/24"), false);
  assert.equal(ipInCidr("::ffff:10.0.0.1", "::ffff:10.0.0.0/104"), true);
});

test("addresses are validated without node:net", () => {
  for (const ok of ["10.0.0.1", "::1", "2001:db8::", "::ffff:10.0.0.1", "fe80::1:2:3:4", "1:2:3:4:5:6:7:8", "2001:db8::/32", "10.0.0.0/8"]) {
    assert.equal(conditionsSchema.safeParse([{ param: "ip", operator: "IpAddress", value: ok }]).success, true, ok);
  }
  for (const bad of ["256.0.0.1", "1.2.3", "1:2:3:4:5:6:7:8:9", "2001:::1", "gggg::1", "10.0.0.0/33", "::1/129", "abc"]) {
    assert.equal(conditionsSchema.safeParse([{ param: "ip", operator: "IpAddress", value: bad }]).success, false, bad);
  }
});
