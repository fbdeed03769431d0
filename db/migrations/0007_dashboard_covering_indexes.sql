-- Covering and partial indexes for the dashboard (db/queries/dashboard.ts), written by hand:
-- drizzle-kit cannot express INCLUDE, so these are not in db/schema. Chosen with EXPLAIN
-- (ANALYZE, BUFFERS) on the large seed (bench/README.md, "Dashboard").
-- The member's relationships scored from the index alone (index-only scan, no heap).
CREATE INDEX "relationship_stats_member_cover_idx" ON "relationship_stats" ("workspace_id", "user_id", "contact_id") INCLUDE ("give_sum", "take_sum", "mutual_sum", "last_at", "ask_streak");
--> statement-breakpoint
-- Live contacts with what scoring needs, in id order: merge-joined to the index above.
CREATE INDEX "contacts_live_cover_idx" ON "contacts" ("workspace_id", "id") INCLUDE ("cadence_days", "created_at") WHERE "archived_at" IS NULL;
--> statement-breakpoint
-- Intro ideas rank only the live contacts that state needs / offers (about a tenth each).
CREATE INDEX "contacts_live_needs_idx" ON "contacts" ("workspace_id", "id") WHERE "needs" IS NOT NULL AND "archived_at" IS NULL;
--> statement-breakpoint
CREATE INDEX "contacts_live_offers_idx" ON "contacts" ("workspace_id", "id") WHERE "offers" IS NOT NULL AND "archived_at" IS NULL;
--> statement-breakpoint
-- Recent asks grouped by contact and member without visiting the heap (replaces interactions_asks_idx).
CREATE INDEX "interactions_asks_cover_idx" ON "interactions" ("workspace_id", "occurred_at") INCLUDE ("contact_id", "user_id") WHERE "kind" = 'ask';
--> statement-breakpoint
DROP INDEX "interactions_asks_idx";
