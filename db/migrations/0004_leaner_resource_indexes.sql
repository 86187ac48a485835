DROP INDEX "resources_org_ext_idx";--> statement-breakpoint
DROP INDEX "resources_name_idx";