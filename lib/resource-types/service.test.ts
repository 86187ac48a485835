import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Connection } from "@/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { ArborError } from "@/lib/shared/errors";
import { createScope } from "@/lib/scopes/service";
import { createResourceType, createResourceTypes, deleteResourceType, listResourceTypes } from "./service";
import { createTypeRule, listTypeRules } from "./hierarchy";
import { createPermission } from "@/lib/permissions/service";

let conn: Connection;
before(async () => {
  conn = await openTestDatabase();
});
after(() => conn.close());

const rejects = (p: Promise<unknown>, kind: ArborError["kind"], field: string) =>
  assert.rejects(p, (e: unknown) => e instanceof ArborError && e.kind === kind && e.issues.some((i) => i.field === field));

describe("resource types", () => {
  test("keys must be lowercase and singular-looking", async () => {
    await rejects(createResourceType(conn.db, "t", { key: "Documents", name: "Docs" }), "validation", "key");
    await rejects(createResourceType(conn.db, "t", { key: "doc ument", name: "Docs" }), "validation", "key");
  });

  test("a key is unique along the scope chain; child scopes inherit", async () => {
    await createScope(conn.db, "t", { id: "scope_acme", name: "Acme" });
    await createScope(conn.db, "t", { id: "scope_team", name: "Team", parentId: "scope_acme" });
    const { value: doc, revision } = await createResourceType(conn.db, "t", { key: "document", name: "Document", scopeId: "scope_acme" });
    assert.ok(doc.id.startsWith("rtype_"));
    assert.ok(revision > 0);
    await rejects(createResourceType(conn.db, "t", { key: "document", name: "Again", scopeId: "scope_team" }), "conflict", "key");
    const seen = await listResourceTypes(conn.db, "scope_team");
    const inherited = seen.find((t) => t.key === "document");
    assert.equal(inherited?.inherited, true);
    assert.equal(inherited?.definedInScopeId, "scope_acme");
  });

  test("a failing batch writes none of its items", async () => {
    await rejects(
      createResourceTypes(conn.db, "t", [
        { key: "folder", name: "Folder", scopeId: "scope_acme" },
        { key: "folder", name: "Folder again", scopeId: "scope_acme" },
      ]),
      "conflict",
      "[1].key",
    );
    const seen = await listResourceTypes(conn.db, "scope_acme");
    assert.equal(seen.some((t) => t.key === "folder"), false);
  });

  test("hierarchy rules accept keys and refuse unknown types", async () => {
    await createResourceTypes(conn.db, "t", [{ key: "folder", name: "Folder", scopeId: "scope_acme" }]);
    await createTypeRule(conn.db, "t", { parentTypeId: "folder", childTypeId: "document" });
    await createTypeRule(conn.db, "t", { parentTypeId: "folder", childTypeId: "folder" });
    await rejects(createTypeRule(conn.db, "t", { parentTypeId: "folder", childTypeId: "nothing" }), "not_found", "childTypeId");
    await rejects(createTypeRule(conn.db, "t", { parentTypeId: "folder", childTypeId: "folder" }), "conflict", "childTypeId");
    const rules = await listTypeRules(conn.db, "scope_acme");
    assert.deepEqual(rules.map((r) => `${r.parentTypeKey}>${r.childTypeKey}`), ["folder>document", "folder>folder"]);
  });

  test("deleting a type that is still used is refused with what uses it", async () => {
    const { value: page } = await createResourceType(conn.db, "t", { key: "page", name: "Page", scopeId: "scope_acme" });
    await createPermission(conn.db, "t", { scopeId: "scope_acme", action: "read", resourceType: "page", key: "page:read:*" });
    await assert.rejects(deleteResourceType(conn.db, "t", page.id), /permissions/);
  });
});
