import { sql } from "drizzle-orm";
import { foreignKey, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { contacts, notes } from "./contacts";
import { users } from "./users";
import { roleEnum, workspaces } from "./workspaces";

/** An invitation by e-mail into a workspace. Only the SHA-256 of the link's token is stored. */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    // Stored lower-cased, like users.email.
    email: text().notNull(),
    role: roleEnum().notNull().default("member"),
    tokenHash: text().notNull(),
    invitedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    expiresAt: timestamp({ withTimezone: true, mode: "date" }).notNull(),
    sentAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    acceptedAt: timestamp({ withTimezone: true, mode: "date" }),
    revokedAt: timestamp({ withTimezone: true, mode: "date" }),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("invitations_token_hash_key").on(t.tokenHash),
    // One open invitation per address and workspace; a re-send replaces its token.
    uniqueIndex("invitations_workspace_email_pending_key")
      .on(t.workspaceId, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
  ],
);
export type Invitation = typeof invitations.$inferSelect;

export const activityKinds = ["contact_added", "note_shared", "member_joined", "contacts_imported"] as const;
export const activityKindEnum = pgEnum("activity_kind", activityKinds);
export type ActivityKind = (typeof activityKinds)[number];

/**
 * What the team did, for the activity feed. A note event is read through the note's current
 * visibility, so a note made private again drops out of the feed.
 */
export const activity = pgTable(
  "activity",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    kind: activityKindEnum().notNull(),
    contactId: uuid(),
    noteId: uuid().references(() => notes.id, { onDelete: "cascade" }),
    // How many rows an import created.
    count: integer(),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete("cascade"),
    index("activity_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
  ],
);
export type Activity = typeof activity.$inferSelect;

export const auditActions = [
  "invitation.sent",
  "invitation.resent",
  "invitation.revoked",
  "invitation.accepted",
  "member.role_changed",
  "member.removed",
  "member.left",
  "workspace.renamed",
  "workspace.deleted",
  "contacts.exported",
  "data.exported",
  "contacts.imported",
  "contact.deleted",
  "account.deleted",
] as const;
export type AuditAction = (typeof auditActions)[number];

/**
 * Security-relevant actions, readable by owners and admins. No foreign key to the workspace:
 * the record of a workspace's deletion outlives the workspace.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid().notNull(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    action: text().$type<AuditAction>().notNull(),
    targetUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    targetEmail: text(),
    details: jsonb().$type<Record<string, string | number | boolean | null>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("audit_log_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id)],
);
export type AuditEntry = typeof auditLog.$inferSelect;
