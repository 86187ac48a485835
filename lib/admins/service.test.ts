import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Connection } from "@/db/client";
import { adminSessions, admins } from "@/db/schema";
import { openTestDatabase } from "@/lib/testing/database";
import { ArborError } from "@/lib/shared/errors";
import { changesAfter, rejects, rejectsWithoutWriting } from "@/lib/resources/fixtures";
import { currentRevision } from "@/lib/revisions/write";
import { createAdmin, createFirstAdmin, ensureAdmin, hasAdmin, listAdmins, verifyCredentials } from "./service";
import { endSession, findSession, sessionHours, startSession } from "./sessions";
import { signIn, SignInThrottled, WRONG_CREDENTIALS } from "./sign-in";
import { SignInThrottle } from "./throttle";

let conn: Connection;
before(async () => {
  conn = await openTestDatabase();
});
after(() => conn.close());

const PASSWORD = "first admin password";

describe("administrators", () => {
  test("the first administrator is created once, however many ask at the same moment", async () => {
    assert.equal(await hasAdmin(conn.db), false);
    const revision = await currentRevision(conn.db);
    const attempts = await Promise.allSettled(
      ["first@arbor.test", "second@arbor.test", "third@arbor.test", "fourth@arbor.test"].map((email) =>
        createFirstAdmin(conn.db, "setup", { email, password: PASSWORD }),
      ),
    );
    const created = attempts.filter((a) => a.status === "fulfilled");
    const refused = attempts.filter((a) => a.status === "rejected");
    assert.equal(created.length, 1);
    for (const r of refused) assert.ok(r.reason instanceof ArborError && r.reason.kind === "conflict", String(r.reason));
    assert.equal((await listAdmins(conn.db)).length, 1);
    assert.equal(await hasAdmin(conn.db), true);

    const changes = await changesAfter(conn.db, revision);
    assert.deepEqual(changes.map((c) => [c.actor, c.operation, c.entityType]), [["setup", "create", "admin"]]);
    assert.ok(!JSON.stringify(changes[0].after).includes("scrypt"), "the change log never holds the password hash");

    const settled = await currentRevision(conn.db);
    await assert.rejects(createFirstAdmin(conn.db, "setup", { email: "late@arbor.test", password: PASSWORD }), (e: unknown) => e instanceof ArborError && e.kind === "conflict");
    assert.equal(await currentRevision(conn.db), settled, "a refused first-run writes nothing");
  });

  test("another administrator: email unique whatever its case, password at least 12 characters", async () => {
    const { value } = await createAdmin(conn.db, "admin:first@arbor.test", { email: "  Ops@Arbor.Test ", password: "ops password 1" });
    assert.equal(value.email, "ops@arbor.test", "stored trimmed and lowercased");
    assert.ok(!("passwordHash" in value));
    const [row] = await conn.db.select().from(admins).where(eq(admins.id, value.id));
    assert.match(row.passwordHash, /^scrypt\$/);
    await rejectsWithoutWriting(conn.db, () => createAdmin(conn.db, "t", { email: "OPS@arbor.test", password: "ops password 2" }), "conflict", "email");
    await rejects(createAdmin(conn.db, "t", { email: "short@arbor.test", password: "elevenchars" }), "validation", "password", "too_small");
    await rejects(createAdmin(conn.db, "t", { email: "long@arbor.test", password: "x".repeat(257) }), "validation", "password", "too_big");
    await rejects(createAdmin(conn.db, "t", { email: "not an email", password: PASSWORD }), "validation", "email");
    await rejects(createAdmin(conn.db, "t", { email: "x@arbor.test", password: PASSWORD, role: "root" }), "validation", "body");
  });

  test("start-up creates the configured administrator once and never changes an existing one's password", async () => {
    assert.equal(await ensureAdmin(conn.db, { email: "env@arbor.test", password: "from the environment" }), true);
    assert.equal(await ensureAdmin(conn.db, { email: "ENV@arbor.test", password: "a different password" }), false);
    assert.ok(await verifyCredentials(conn.db, "env@arbor.test", "from the environment"));
    assert.equal(await verifyCredentials(conn.db, "env@arbor.test", "a different password"), null);
    const [change] = (await changesAfter(conn.db, 0)).filter((c) => c.entityType === "admin" && (c.after as { email: string }).email === "env@arbor.test");
    assert.equal(change.actor, "system");
  });

  test("credentials: right password signs in, wrong password or unknown email does not, and both take the time of a hash", async () => {
    const first = (await listAdmins(conn.db))[0];
    const admin = await verifyCredentials(conn.db, first.email, PASSWORD);
    assert.equal(admin?.id, first.id);
    assert.equal(await verifyCredentials(conn.db, first.email, `${PASSWORD}!`), null);
    assert.equal(await verifyCredentials(conn.db, "nobody@arbor.test", PASSWORD), null);

    // An unknown email is checked against a decoy hash of the same cost, so it cannot be told apart by time.
    const timed = async (email: string) => {
      const started = performance.now();
      await verifyCredentials(conn.db, email, "some wrong password");
      return performance.now() - started;
    };
    const median = async (email: string) => (await Promise.all([0, 1, 2].map(() => timed(email)))).sort((a, b) => a - b)[1];
    const known = await median(first.email);
    const unknown = await median("nobody@arbor.test");
    assert.ok(unknown > known / 2 && unknown < known * 2, `unknown ${unknown.toFixed(0)} ms vs known ${known.toFixed(0)} ms`);
  });
});

describe("sessions", () => {
  const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

  test("the database holds only the token's SHA-256; the token finds its administrator until it expires", async () => {
    const first = (await listAdmins(conn.db))[0];
    const start = new Date("2030-01-01T00:00:00Z");
    const { token, expiresAt } = await startSession(conn.db, first.id, { hours: 12, now: start });
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(expiresAt.toISOString(), "2030-01-01T12:00:00.000Z");
    const rows = await conn.db.select().from(adminSessions);
    assert.ok(rows.some((r) => r.id === sha256(token)));
    assert.ok(rows.every((r) => r.id !== token), "the token itself is never stored");

    const session = await findSession(conn.db, token, new Date("2030-01-01T11:59:59Z"));
    assert.equal(session?.admin.email, first.email);
    // The stored hash, offered as a token, signs no one in.
    assert.equal(await findSession(conn.db, sha256(token), start), null);
    assert.equal(await findSession(conn.db, `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, start), null);
    assert.equal(await findSession(conn.db, undefined, start), null);
    assert.equal(await findSession(conn.db, "x".repeat(5000), start), null);

    assert.equal(await findSession(conn.db, token, new Date("2030-01-01T12:00:00Z")), null, "expired at its expiry time");
    const [left] = await conn.db.select().from(adminSessions).where(eq(adminSessions.id, sha256(token)));
    assert.equal(left, undefined, "an expired session is deleted when it is seen");
  });

  test("sign-out ends the session at once; a new sign-in sweeps expired sessions; deleting the administrator ends theirs", async () => {
    const first = (await listAdmins(conn.db))[0];
    const now = new Date();
    const a = await startSession(conn.db, first.id, { now });
    const b = await startSession(conn.db, first.id, { now });
    await endSession(conn.db, a.token);
    assert.equal(await findSession(conn.db, a.token), null);
    assert.ok(await findSession(conn.db, b.token), "other sessions of the same administrator stay");

    const old = await startSession(conn.db, first.id, { hours: 1, now: new Date(now.getTime() - 2 * 3_600_000) });
    await startSession(conn.db, first.id, { now });
    const [swept] = await conn.db.select().from(adminSessions).where(eq(adminSessions.id, sha256(old.token)));
    assert.equal(swept, undefined);

    const { value: temp } = await createAdmin(conn.db, "t", { email: "temp@arbor.test", password: PASSWORD });
    const c = await startSession(conn.db, temp.id);
    await conn.db.delete(admins).where(eq(admins.id, temp.id));
    assert.equal(await findSession(conn.db, c.token), null);
  });

  test("ARBOR_SESSION_HOURS: default 12, fractions allowed, nonsense refused", () => {
    assert.equal(sessionHours(undefined), 12);
    assert.equal(sessionHours(""), 12);
    assert.equal(sessionHours("0.5"), 0.5);
    assert.equal(sessionHours("72"), 72);
    for (const bad of ["0", "-1", "twelve", "Infinity", "100000"]) assert.throws(() => sessionHours(bad), /ARBOR_SESSION_HOURS/);
  });
});

describe("sign-in", () => {
  test("a wrong password is refused with one message for every cause; a right one starts a session of the configured length", async () => {
    const throttle = new SignInThrottle();
    const first = (await listAdmins(conn.db))[0];
    for (const input of [
      { email: first.email, password: "wrong password!" },
      { email: "nobody@arbor.test", password: PASSWORD },
    ]) {
      await assert.rejects(signIn(conn.db, input, { throttle }), (e: unknown) => e instanceof ArborError && e.kind === "unauthenticated" && e.message === WRONG_CREDENTIALS);
    }
    await rejects(signIn(conn.db, { email: "not an email", password: "x" }, { throttle }), "validation", "email");
    await rejects(signIn(conn.db, { email: first.email, password: "" }, { throttle }), "validation", "password");

    const now = new Date("2031-06-01T08:00:00Z");
    const result = await signIn(conn.db, { email: first.email.toUpperCase(), password: PASSWORD }, { throttle, hours: 2, now });
    assert.equal(result.admin.id, first.id);
    assert.equal(result.expiresAt.toISOString(), "2031-06-01T10:00:00.000Z");
    assert.equal((await findSession(conn.db, result.token, now))?.admin.id, first.id);
  });

  test("repeated failures are slowed down: refused with the wait, without checking the password, for unknown emails too", async () => {
    let clock = 0;
    const throttle = new SignInThrottle({ maxFailures: 3, windowMs: 60_000, now: () => clock });
    const first = (await listAdmins(conn.db))[0];
    for (const email of [first.email, "ghost@arbor.test"]) {
      for (let i = 0; i < 3; i++) {
        clock += 1000;
        await assert.rejects(signIn(conn.db, { email, password: "guess number " + i }, { throttle }), (e: unknown) => e instanceof ArborError && e.kind === "unauthenticated");
      }
    }
    // The right password is refused too while the email waits: the password is not even looked at.
    const started = performance.now();
    await assert.rejects(signIn(conn.db, { email: first.email, password: PASSWORD }, { throttle }), (e: unknown) => {
      assert.ok(e instanceof SignInThrottled, String(e));
      assert.equal(e.kind, "limit");
      assert.equal(e.retryAfterMs, 1000 + 60_000 - clock);
      assert.match(e.message, /Try again in \d+ seconds/);
      return true;
    });
    assert.ok(performance.now() - started < 50, "a refused attempt does no password hashing");
    await assert.rejects(signIn(conn.db, { email: "ghost@arbor.test", password: "anything at all" }, { throttle }), SignInThrottled);
    await assert.rejects(signIn(conn.db, { email: "GHOST@arbor.test", password: "anything at all" }, { throttle }), SignInThrottled);

    clock += 60_000;
    const ok = await signIn(conn.db, { email: first.email, password: PASSWORD }, { throttle });
    assert.equal(ok.admin.id, first.id, "once the window has passed, the right password works again");
  });
});
