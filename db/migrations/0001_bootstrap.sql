-- The global revision starts at 0; the root scope `default` and the `organization` type (of every organization's root resource) always exist.
INSERT INTO "revision_counter" ("id", "value") VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "scopes" ("id", "key", "name", "description", "parent_id", "created_by")
VALUES ('scope_default', 'default', 'Default', 'The root scope: definitions here are visible everywhere', NULL, 'system')
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "resource_types" ("id", "scope_id", "key", "name", "description", "created_by")
VALUES ('rtype_organization', 'scope_default', 'organization', 'Organization', 'The root resource of every organization', 'system')
ON CONFLICT DO NOTHING;
