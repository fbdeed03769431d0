import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  date,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { contacts } from "./contacts";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const directionEnum = pgEnum("interaction_direction", ["gave", "received", "mutual"]);
export const kindEnum = pgEnum("interaction_kind", [
  "intro",
  "referral",
  "advice",
  "information",
  "favor",
  "recommendation",
  "gift",
  "support",
  "ask",
  "meeting",
  "call",
  "event",
  "message",
]);

/** One thing that passed between a member and a contact. */
export const interactions = pgTable(
  "interactions",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    contactId: uuid().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    direction: directionEnum().notNull(),
    kind: kindEnum().notNull(),
    weight: smallint().notNull(),
    occurredAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    summary: text().notNull(),
    details: text(),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    check("interactions_weight_range", sql`${t.weight} between 1 and 5`),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete("cascade"),
    index("interactions_relationship_idx").on(t.workspaceId, t.userId, t.contactId, t.occurredAt),
    index("interactions_contact_idx").on(t.workspaceId, t.contactId, t.occurredAt),
    index("interactions_member_time_idx").on(t.workspaceId, t.userId, t.occurredAt),
    // The dashboard's gives per week and give streak probe one direction over time.
    index("interactions_member_direction_time_idx").on(t.workspaceId, t.userId, t.direction, t.occurredAt),
    // Ask collisions look at the workspace's recent asks only: interactions_asks_cover_idx,
    // (workspace_id, occurred_at) INCLUDE (contact_id, user_id) WHERE kind = 'ask', is made by
    // migration 0007 by hand (drizzle-kit has no INCLUDE), like the dashboard's other covering indexes.
  ],
);
export type Interaction = typeof interactions.$inferSelect;

export const promiseStatus = pgEnum("promise_status", ["open", "done", "cancelled"]);

/** Help a member offered a contact ("I'll introduce you to Carol"). */
export const promises = pgTable(
  "promises",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    contactId: uuid().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    description: text().notNull(),
    dueOn: date({ mode: "string" }),
    status: promiseStatus().notNull().default("open"),
    interactionId: uuid().references(() => interactions.id, { onDelete: "set null" }),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    closedAt: timestamp({ withTimezone: true, mode: "date" }),
  },
  (t) => [
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete("cascade"),
    index("promises_contact_idx").on(t.workspaceId, t.contactId, t.status),
    index("promises_member_due_idx").on(t.workspaceId, t.userId, t.status, t.dueOn),
  ],
);
export type Promise_ = typeof promises.$inferSelect;

/**
 * Per (member, contact): the decayed sums kept as Σ w·2^(t/h) with t in days since
 * SCORE_EPOCH (lib/scoring). Multiplying by 2^(−now/h) gives G, R and M at any moment,
 * so ranking thousands of relationships reads one row each. Rewritten from the
 * relationship's interactions whenever one of them changes.
 */
export const relationshipStats = pgTable(
  "relationship_stats",
  {
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    contactId: uuid().notNull(),
    giveSum: doublePrecision().notNull().default(0),
    takeSum: doublePrecision().notNull().default(0),
    mutualSum: doublePrecision().notNull().default(0),
    interactionCount: integer().notNull().default(0),
    lastAt: timestamp({ withTimezone: true, mode: "date" }),
    lastGaveAt: timestamp({ withTimezone: true, mode: "date" }),
    askStreak: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.userId, t.contactId] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete("cascade"),
    index("relationship_stats_contact_idx").on(t.workspaceId, t.contactId),
  ],
);
