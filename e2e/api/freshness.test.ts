/**
 * Strict freshness: a check that names the revision of a write never answers
 * from older state. On PostgreSQL `npm test` runs two app processes on one
 * database (ARBOR_TEST_URL and ARBOR_TEST_URL_B): writes go to one, checks to
 * the other. On PGlite both URLs are the one embedded-database process.
 */
import { before, test } from "node:test";
import assert from "node:assert/strict";
import { api, baseUrl, unique } from "./client";

const otherUrl = process.env.ARBOR_TEST_URL_B ?? baseUrl;
const org = unique("fresh");

async function checkOn(url: string, body: unknown) {
  const res = await fetch(`${url}/api/v1/check`, {
    method: "POST",
    headers: { authorization: `Bearer ${process.env.ARBOR_TEST_KEY}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await res.json()) as { allowed: boolean; revision: number };
}

before(async () => {
  await api("POST", "/api/v1/resource-types", { key: "vault", name: "Vault" });
  await api("POST", "/api/v1/permissions", { action: "open", resourceType: "vault" });
  await api("POST", "/api/v1/roles", { slug: "vault-opener", name: "Vault opener", permissions: ["vault:open"] });
  await api("POST", "/api/v1/organizations", { externalId: org, name: org });
  await api("POST", "/api/v1/resources", { organizationId: org, type: "vault", externalId: `${org}-v`, name: "Vault" });
  await api("POST", "/api/v1/users", { externalId: `${org}-u` });
});

test(`grants and revokes are visible at once on the other process (${otherUrl === baseUrl ? "one process: PGlite" : "two processes: PostgreSQL"})`, async () => {
  const question = { subject: `user:${org}-u`, action: "open", resource: `vault:${org}-v` };
  // Warm the other process's engine so it holds state that the writes below make stale.
  assert.equal((await checkOn(otherUrl, question)).allowed, false);
  for (let round = 0; round < 15; round++) {
    const granted = await api("POST", "/api/v1/grants", { ...question, action: undefined, role: "vault-opener", organization: org });
    assert.equal(granted.status, 201, JSON.stringify(granted.body));
    const seen = await checkOn(otherUrl, { ...question, atLeastAsFresh: granted.body.revision });
    assert.equal(seen.allowed, true, `round ${round}: grant at revision ${granted.body.revision} seen at ${seen.revision}`);
    assert.ok(seen.revision >= granted.body.revision);

    const revoked = await api("DELETE", `/api/v1/grants/${granted.body.id}`);
    const fresh = await checkOn(otherUrl, question);
    assert.equal(fresh.allowed, false, `round ${round}: without atLeastAsFresh the answer is still the latest`);
    assert.ok(fresh.revision >= revoked.body.revision);
  }
});
