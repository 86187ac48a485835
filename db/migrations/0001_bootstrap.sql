-- The global revision starts at 0 and the root scope `default` always exists.
INSERT INTO "revision_counter" ("id", "value") VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO "scopes" ("id", "key", "name", "description", "parent_id", "created_by")
VALUES ('scope_default', 'default', 'Default', 'The root scope: definitions here are visible everywhere', NULL, 'system')
ON CONFLICT DO NOTHING;
