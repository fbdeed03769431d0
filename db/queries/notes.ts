import "server-only";
import { inTenant } from "@/db/tenant";
import { and, desc, eq, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { activity, contacts, notes, users, type NoteVisibility } from "@/db/schema";
import { recordActivity } from "./activity";
import type { Scope } from "./contacts";

export type NoteItem = {
  id: string;
  body: string;
  visibility: NoteVisibility;
  version: number;
  mine: boolean;
  author: string;
  createdAt: string;
  updatedAt: string;
};

/** The one rule for reading notes: team notes, and the caller's own private ones. */
export function visibleTo(userId: string) {
  return or(eq(notes.visibility, "team"), eq(notes.authorId, userId));
}

export async function listNotesForContact(db: Db, scope: Scope, contactId: string): Promise<NoteItem[]> {
  return inTenant(db, scope.workspaceId, async (db) => {
    return db
      .select({
        id: notes.id,
        body: notes.body,
        visibility: notes.visibility,
        version: notes.version,
        mine: sql<boolean>`coalesce(${notes.authorId} = ${scope.userId}, false)`,
        // Null author: someone who has since deleted their account.
        author: sql<string>`coalesce(${users.name}, 'A former member')`,
        createdAt: sql<string>`${notes.createdAt}::text`,
        updatedAt: sql<string>`${notes.updatedAt}::text`,
      })
      .from(notes)
      .leftJoin(users, eq(users.id, notes.authorId))
      .where(and(eq(notes.workspaceId, scope.workspaceId), eq(notes.contactId, contactId), visibleTo(scope.userId)))
      .orderBy(desc(notes.createdAt), desc(notes.id));
  });
}

/** Adds a note to a contact of the workspace; undefined when no such contact is there. */
export async function createNote(
  db: Db,
  scope: Scope,
  input: { contactId: string; body: string; visibility: NoteVisibility },
): Promise<{ id: string } | undefined> {
  return inTenant(db, scope.workspaceId, async (db) => {
    const [contact] = await db
      .select({ id: contacts.id })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, scope.workspaceId), eq(contacts.id, input.contactId)));
    if (!contact) return undefined;
    return db.transaction(async (tx) => {
      const [row] = await tx
        .insert(notes)
        .values({ ...input, workspaceId: scope.workspaceId, authorId: scope.userId })
        .returning({ id: notes.id });
      if (row && input.visibility === "team") await recordNoteShared(tx, scope, input.contactId, row.id);
      return row;
    });
  });
}

/** A note's first sharing with the team goes into the feed once; private notes never do. */
async function recordNoteShared(tx: Tx, scope: Scope, contactId: string, noteId: string): Promise<void> {
  const [seen] = await tx
    .select({ id: activity.id })
    .from(activity)
    .where(and(eq(activity.workspaceId, scope.workspaceId), eq(activity.noteId, noteId)))
    .limit(1);
  if (seen) return;
  await recordActivity(tx, { workspaceId: scope.workspaceId, actorId: scope.userId, kind: "note_shared", contactId, noteId });
}

export type NoteUpdate =
  | { status: "ok"; version: number }
  | { status: "conflict"; current: { body: string; version: number } }
  | { status: "not_found" };

/** Sharing, unsharing and deleting a note are its author's alone. */
const ownNote = (scope: Scope, id: string) =>
  and(eq(notes.workspaceId, scope.workspaceId), eq(notes.id, id), eq(notes.authorId, scope.userId));

/** The text of a team note is the team's to keep current; a private note only its author's. */
const editableNote = (scope: Scope, id: string) =>
  and(eq(notes.workspaceId, scope.workspaceId), eq(notes.id, id), visibleTo(scope.userId));

/**
 * Saves an edit made from `version` — by the author, or by any member for a team note; if the
 * note changed since (a teammate's edit, another tab or device), nothing is written and the
 * current text comes back for merging.
 */
export async function updateNote(
  db: Db,
  scope: Scope,
  input: { id: string; body: string; version: number },
): Promise<NoteUpdate> {
  return inTenant(db, scope.workspaceId, async (db) => {
    const [row] = await db
      .update(notes)
      .set({ body: input.body, version: sql`${notes.version} + 1`, updatedAt: new Date() })
      .where(and(editableNote(scope, input.id), eq(notes.version, input.version)))
      .returning({ version: notes.version });
    if (row) return { status: "ok", version: row.version };
    const [current] = await db
      .select({ body: notes.body, version: notes.version })
      .from(notes)
      .where(editableNote(scope, input.id));
    return current ? { status: "conflict", current } : { status: "not_found" };
  });
}

export async function setNoteVisibility(db: Db, scope: Scope, id: string, visibility: NoteVisibility): Promise<boolean> {
  return inTenant(db, scope.workspaceId, async (tx) => {
    const [row] = await tx
      .update(notes)
      .set({ visibility, updatedAt: new Date() })
      .where(ownNote(scope, id))
      .returning({ id: notes.id, contactId: notes.contactId });
    if (row && visibility === "team") await recordNoteShared(tx, scope, row.contactId, row.id);
    return row !== undefined;
  });
}

export async function deleteNote(db: Db, scope: Scope, id: string): Promise<boolean> {
  return inTenant(db, scope.workspaceId, async (db) => {
    const rows = await db.delete(notes).where(ownNote(scope, id)).returning({ id: notes.id });
    return rows.length > 0;
  });
}
