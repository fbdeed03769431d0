import { boolean, integer, pgEnum, smallint, pgTable, primaryKey, text, timestamp, uuid, index, uniqueIndex } from "drizzle-orm/pg-core";

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    // Stored lower-cased: one person, one account, whatever they type.
    email: text().notNull(),
    emailVerified: timestamp({ withTimezone: true, mode: "date" }),
    image: text(),
    passwordHash: text(),
    timeZone: text().notNull().default("UTC"),
    // Bumped on password change/reset: every session minted before it stops working.
    sessionVersion: integer().notNull().default(0),
    // Weekly digest by e-mail: on/off, ISO weekday (1 = Monday) and hour in the user's time zone.
    digestEnabled: boolean().notNull().default(true),
    digestWeekday: smallint().notNull().default(1),
    digestHour: smallint().notNull().default(8),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);
export type User = typeof users.$inferSelect;

/** OAuth accounts, in the shape @auth/drizzle-adapter expects. */
export const accounts = pgTable(
  "accounts",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text().notNull(),
    provider: text().notNull(),
    providerAccountId: text().notNull(),
    refresh_token: text(),
    access_token: text(),
    expires_at: integer(),
    token_type: text(),
    scope: text(),
    id_token: text(),
    session_state: text(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index("accounts_user_id_idx").on(t.userId)],
);

export const authTokenPurpose = pgEnum("auth_token_purpose", ["verify_email", "reset_password"]);

/** Single-use tokens sent by mail. Only the SHA-256 of the token is stored. */
export const authTokens = pgTable(
  "auth_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: authTokenPurpose().notNull(),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    usedAt: timestamp({ withTimezone: true, mode: "date" }),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("auth_tokens_token_hash_key").on(t.tokenHash), index("auth_tokens_user_id_idx").on(t.userId)],
);
export type AuthToken = typeof authTokens.$inferSelect;

/** Storage for rate-limiter-flexible's RateLimiterDrizzle: shared by every app instance. */
export const rateLimits = pgTable("rate_limits", {
  key: text().primaryKey(),
  points: integer().notNull().default(0),
  expire: timestamp({ withTimezone: true, mode: "date" }),
});
