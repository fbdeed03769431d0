import { sql } from "drizzle-orm";
import { date, foreignKey, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const contacts = pgTable(
  "contacts",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    createdBy: uuid().references(() => users.id, { onDelete: "set null" }),
    name: text().notNull(),
    emails: text().array().notNull().default(sql`'{}'::text[]`),
    phone: text(),
    company: text(),
    title: text(),
    location: text(),
    url: text(),
    howWeMet: text(),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    interests: text(),
    needs: text(),
    offers: text(),
    // Days between keep-in-touch moments; null means "no cadence".
    cadenceDays: integer().default(90),
    // When the user connected with them, where an import says so (LinkedIn's "Connected On").
    connectedOn: date({ mode: "string" }),
    // Lower-cased name, company, e-mails and tags, kept by the data layer: what search matches.
    searchText: text().notNull().default(""),
    version: integer().notNull().default(1),
    archivedAt: timestamp({ withTimezone: true, mode: "date" }),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    index("contacts_workspace_name_idx").on(t.workspaceId, sql`lower(${t.name})`, t.id),
    // Read backwards for "recently added" (ORDER BY created_at DESC, id DESC).
    index("contacts_workspace_created_idx").on(t.workspaceId, t.createdAt, t.id),
    // Target of the tenant-scoped foreign keys below and in the ledger: a row can only point
    // at a contact of its own workspace, and cascades find children by (workspace, contact).
    unique("contacts_workspace_id_id_key").on(t.workspaceId, t.id),
    index("contacts_workspace_company_idx").on(t.workspaceId, sql`lower(${t.company})`),
    index("contacts_tags_idx").using("gin", t.tags),
    index("contacts_search_trgm_idx").using("gin", t.searchText.op("gin_trgm_ops")),
  ],
);
export type Contact = typeof contacts.$inferSelect;

export const CADENCES = [30, 60, 90, 180, 365] as const;

export const noteVisibility = pgEnum("note_visibility", ["private", "team"]);
export type NoteVisibility = (typeof noteVisibility.enumValues)[number];

export const notes = pgTable(
  "notes",
  {
    id: uuid().primaryKey().defaultRandom(),
    workspaceId: uuid()
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    contactId: uuid().notNull(),
    // Null once the author deleted their account: what they shared stays, without their name.
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    visibility: noteVisibility().notNull().default("private"),
    body: text().notNull(),
    version: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete("cascade"),
    index("notes_workspace_contact_idx").on(t.workspaceId, t.contactId, t.createdAt),
    index("notes_body_trgm_idx").using("gin", t.body.op("gin_trgm_ops")),
  ],
);
export type Note = typeof notes.$inferSelect;
