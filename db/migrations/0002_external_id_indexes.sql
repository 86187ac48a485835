CREATE INDEX "groups_ext_idx" ON "groups" USING btree ("external_id");--> statement-breakpoint
CREATE INDEX "resources_ext_idx" ON "resources" USING btree ("external_id");