-- The tenant-scoped key comes first: the foreign keys below reference it.
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_workspace_id_id_key" UNIQUE("workspace_id","id");--> statement-breakpoint
ALTER TABLE "notes" DROP CONSTRAINT "notes_contact_id_contacts_id_fk";
--> statement-breakpoint
ALTER TABLE "interactions" DROP CONSTRAINT "interactions_contact_id_contacts_id_fk";
--> statement-breakpoint
ALTER TABLE "promises" DROP CONSTRAINT "promises_contact_id_contacts_id_fk";
--> statement-breakpoint
ALTER TABLE "relationship_stats" DROP CONSTRAINT "relationship_stats_contact_id_contacts_id_fk";
--> statement-breakpoint
DROP INDEX "contacts_workspace_created_idx";--> statement-breakpoint
DROP INDEX "notes_workspace_contact_idx";--> statement-breakpoint
DROP INDEX "interactions_relationship_idx";--> statement-breakpoint
DROP INDEX "interactions_contact_idx";--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_stats" ADD CONSTRAINT "relationship_stats_workspace_id_contact_id_contacts_workspace_id_id_fk" FOREIGN KEY ("workspace_id","contact_id") REFERENCES "public"."contacts"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contacts_workspace_created_idx" ON "contacts" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "notes_workspace_contact_idx" ON "notes" USING btree ("workspace_id","contact_id","created_at");--> statement-breakpoint
CREATE INDEX "interactions_relationship_idx" ON "interactions" USING btree ("workspace_id","user_id","contact_id","occurred_at");--> statement-breakpoint
CREATE INDEX "interactions_contact_idx" ON "interactions" USING btree ("workspace_id","contact_id","occurred_at");
