import { test } from "node:test";
import assert from "node:assert/strict";
import { SignInThrottle } from "./throttle";

function clocked(options = {}) {
  let now = 1_000_000;
  const throttle = new SignInThrottle({ maxFailures: 3, windowMs: 60_000, now: () => now, ...options });
  return { throttle, advance: (ms: number) => (now += ms) };
}

test("after the allowed failures within the window, the email must wait until the oldest leaves it", () => {
  const { throttle, advance } = clocked();
  throttle.recordFailure("a@x.test");
  advance(10_000);
  throttle.recordFailure("a@x.test");
  assert.equal(throttle.waitFor("a@x.test"), 0);
  advance(10_000);
  throttle.recordFailure("a@x.test");
  assert.equal(throttle.waitFor("a@x.test"), 40_000, "the first failure leaves the window 60 s after it happened");
  assert.equal(throttle.waitFor("A@X.TEST"), 40_000, "case does not make another email");
  assert.equal(throttle.waitFor("b@x.test"), 0, "other emails are not affected");
  advance(39_999);
  assert.equal(throttle.waitFor("a@x.test"), 1);
  advance(1);
  assert.equal(throttle.waitFor("a@x.test"), 0);
  throttle.recordFailure("a@x.test");
  assert.equal(throttle.waitFor("a@x.test"), 10_000, "one more failure is refused again until the next oldest leaves");
});

test("failures spread wider than the window never lock anyone out; a success starts afresh", () => {
  const { throttle, advance } = clocked();
  for (let i = 0; i < 10; i++) {
    throttle.recordFailure("slow@x.test");
    advance(30_001);
  }
  assert.equal(throttle.waitFor("slow@x.test"), 0);
  throttle.recordFailure("c@x.test");
  throttle.recordFailure("c@x.test");
  throttle.reset("c@x.test");
  throttle.recordFailure("c@x.test");
  throttle.recordFailure("c@x.test");
  assert.equal(throttle.waitFor("c@x.test"), 0);
});

test("it remembers a bounded number of emails, forgetting those whose failures are oldest", () => {
  const { throttle } = clocked({ maxTracked: 2 });
  for (const email of ["1@x.test", "2@x.test", "1@x.test", "3@x.test"]) {
    throttle.recordFailure(email);
    throttle.recordFailure(email);
    throttle.recordFailure(email);
  }
  assert.ok(throttle.waitFor("1@x.test") > 0);
  assert.ok(throttle.waitFor("3@x.test") > 0);
  assert.equal(throttle.waitFor("2@x.test"), 0, "the stalest email was forgotten");
});
