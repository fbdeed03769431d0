import { index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const digestStatusEnum = pgEnum("digest_status", ["pending", "sending", "sent", "failed", "skipped"]);
export type DigestStatus = (typeof digestStatusEnum.enumValues)[number];

/**
 * One row per (workspace, member, ISO week): the claim that makes each digest go out exactly
 * once. Whoever inserts the row (or takes an expired lease) sends; everyone else skips.
 */
export const digestDeliveries = pgTable(
  "digest_deliveries",
  {
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // ISO week, e.g. "2026-W47".
    week: text().notNull(),
    status: digestStatusEnum().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    leaseUntil: timestamp({ withTimezone: true, mode: "date" }),
    lastError: text(),
    sentAt: timestamp({ withTimezone: true, mode: "date" }),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId, t.week] }),
    index("digest_deliveries_due_idx").on(t.status, t.nextAttemptAt),
  ],
);
export type DigestDelivery = typeof digestDeliveries.$inferSelect;
