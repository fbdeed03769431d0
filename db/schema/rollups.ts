import { integer, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";
import { workspaces } from "./workspaces";

/**
 * Per member and distinct `occurred_at`: how many interactions, and their summed weights, by
 * direction. Interactions are logged at the start of a day, so this is about one row per
 * member per day (~1,100 for three years of a member with 500,000 entries): the dashboard's
 * 90-day headline, 12-week flow and give streak read it instead of the interactions.
 * Keyed by the exact instant, not a day or week, so weeks and days in any time zone sum
 * exactly. Kept by statement triggers on `interactions` (migration 0006) in the writing
 * transaction, so every path — logging, edits, deletes, contact and workspace cascades,
 * bulk loads — keeps it true. Rows whose counts reach zero are deleted.
 */
export const memberFlows = pgTable(
  "member_flows",
  {
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    occurredAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    gaveCount: integer().notNull().default(0),
    gaveWeight: integer().notNull().default(0),
    receivedCount: integer().notNull().default(0),
    receivedWeight: integer().notNull().default(0),
    mutualCount: integer().notNull().default(0),
    mutualWeight: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.userId, t.occurredAt] })],
);
export type MemberFlow = typeof memberFlows.$inferSelect;
