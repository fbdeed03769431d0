import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import { memberships, notes } from "@/db/schema";
import { contactInput, makeScopedUser } from "@/lib/testing/factories";
import { contactListQuerySchema } from "@/lib/validation/contacts";
import { createContact, listContacts, type Scope } from "./contacts";
import { createNote, deleteNote, listNotesForContact, setNoteVisibility, updateNote } from "./notes";
import { createWorkspace } from "./workspaces";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});

/** A word no other test (or earlier run on the same database) has used. */
const word = (prefix = "w") => `${prefix}${randomUUID().slice(0, 8)}`;

async function noteCount(contactId: string): Promise<number | undefined> {
  const [row] = await db.select({ n: count() }).from(notes).where(eq(notes.contactId, contactId));
  return row?.n;
}

async function writeNote(scope: Scope, contactId: string, body: string, visibility: "private" | "team") {
  const note = await createNote(db, scope, { contactId, body, visibility });
  if (!note) throw new Error("writeNote: contact not in scope");
  return note.id;
}

/** Bodies of the notes `scope` can read on the contact, newest first. */
async function bodies(scope: Scope, contactId: string): Promise<string[]> {
  return (await listNotesForContact(db, scope, contactId)).map((n) => n.body);
}

async function searchIds(scope: Scope, q: string): Promise<string[]> {
  return (await listContacts(db, scope, contactListQuerySchema.parse({ q }))).items.map((c) => c.id);
}

describe("tenancy", () => {
  it("createNote refuses a contact of another workspace and writes nothing", async () => {
    const a = await makeScopedUser();
    const b = await makeScopedUser();
    const { id } = await createContact(db, a.scope, contactInput());

    expect(await createNote(db, b.scope, { contactId: id, body: "sneaky", visibility: "team" })).toBeUndefined();
    expect(await noteCount(id)).toBe(0);
    expect(await bodies(a.scope, id)).toEqual([]);
  });

  it("the author's own notes cannot be reached through another workspace they belong to", async () => {
    const a = await makeScopedUser();
    const other = await createWorkspace(db, { name: word("Other "), ownerId: a.user.id });
    const elsewhere: Scope = { workspaceId: other.id, userId: a.user.id };
    const { id: contactId } = await createContact(db, a.scope, contactInput());
    const noteId = await writeNote(a.scope, contactId, "kept here", "team");

    expect(await listNotesForContact(db, elsewhere, contactId)).toEqual([]);
    expect(await updateNote(db, elsewhere, { id: noteId, body: "moved", version: 1 })).toEqual({ status: "not_found" });
    expect(await setNoteVisibility(db, elsewhere, noteId, "private")).toBe(false);
    expect(await deleteNote(db, elsewhere, noteId)).toBe(false);
    expect(await listNotesForContact(db, a.scope, contactId)).toMatchObject([
      { id: noteId, body: "kept here", visibility: "team", version: 1 },
    ]);
  });
});

describe("privacy in a team", () => {
  /** A team workspace: user 1 owns it, user 2 is a member; user 1 wrote a private and a team note on one contact. */
  async function makeTeam() {
    const one = await makeScopedUser("Olivia Owner");
    const two = await makeScopedUser("Max Member");
    const team = await createWorkspace(db, { name: word("Team "), ownerId: one.user.id });
    await db.insert(memberships).values({ workspaceId: team.id, userId: two.user.id, role: "member" });
    const u1: Scope = { workspaceId: team.id, userId: one.user.id };
    const u2: Scope = { workspaceId: team.id, userId: two.user.id };
    const { id: contactId } = await createContact(db, u1, contactInput({ name: word("Pat ") }));
    const privateWord = word("private");
    const teamWord = word("team");
    const privateId = await writeNote(u1, contactId, `Wants a new job — ${privateWord}`, "private");
    const teamId = await writeNote(u1, contactId, `Loves sailing — ${teamWord}`, "team");
    return { u1, u2, contactId, privateWord, teamWord, privateId, teamId };
  }

  it("a member sees the team note and never the author's private one", async () => {
    const { u1, u2, contactId, teamId, privateId } = await makeTeam();

    expect(await listNotesForContact(db, u2, contactId)).toMatchObject([
      { id: teamId, visibility: "team", mine: false, author: "Olivia Owner" },
    ]);
    expect(await listNotesForContact(db, u1, contactId)).toMatchObject([
      { id: teamId, mine: true },
      { id: privateId, visibility: "private", mine: true },
    ]);
  });

  it("an owner never sees a member's private note either", async () => {
    const { u1, u2, contactId, teamId, privateId } = await makeTeam();
    const membersOwn = await writeNote(u2, contactId, "my own thoughts", "private");

    expect((await listNotesForContact(db, u1, contactId)).map((n) => n.id)).toEqual([teamId, privateId]);
    expect((await listNotesForContact(db, u2, contactId)).map((n) => n.id)).toEqual([membersOwn, teamId]);
  });

  it("search covers only the note text the caller may read", async () => {
    const { u1, u2, contactId, privateWord, teamWord } = await makeTeam();

    expect(await searchIds(u2, privateWord)).toEqual([]);
    expect(await searchIds(u2, teamWord)).toEqual([contactId]);
    expect(await searchIds(u1, privateWord)).toEqual([contactId]);
    expect(await searchIds(u1, teamWord.toUpperCase())).toEqual([contactId]);
  });

  it("a member cannot edit, re-share or delete the author's private note, nor re-share or delete a team note", async () => {
    const { u1, u2, contactId, privateId, teamId } = await makeTeam();
    const before = await listNotesForContact(db, u1, contactId);

    expect(await updateNote(db, u2, { id: privateId, body: "overwritten", version: 1 })).toEqual({ status: "not_found" });
    for (const id of [privateId, teamId]) {
      expect(await setNoteVisibility(db, u2, id, "team")).toBe(false);
      expect(await setNoteVisibility(db, u2, id, "private")).toBe(false);
      expect(await deleteNote(db, u2, id)).toBe(false);
    }
    expect(await listNotesForContact(db, u1, contactId)).toEqual(before);
  });

  it("a teammate keeps a team note current; the author's stale edit then meets a conflict that keeps both texts", async () => {
    const { u1, u2, contactId, teamId } = await makeTeam();
    expect(await updateNote(db, u2, { id: teamId, body: "Now at Lovelace Labs, hiring", version: 1 })).toEqual({ status: "ok", version: 2 });
    const seenByAuthor = (await listNotesForContact(db, u1, contactId)).find((n) => n.id === teamId);
    expect(seenByAuthor).toMatchObject({ body: "Now at Lovelace Labs, hiring", version: 2, mine: true });

    // The author edits from the copy they opened before the teammate saved.
    expect(await updateNote(db, u1, { id: teamId, body: "Moved to Babbage & Co", version: 1 })).toEqual({
      status: "conflict",
      current: { body: "Now at Lovelace Labs, hiring", version: 2 },
    });
  });

  it("once the author shares a private note, the team sees and finds it; unsharing hides it again", async () => {
    const { u1, u2, contactId, privateId, privateWord } = await makeTeam();

    expect(await setNoteVisibility(db, u1, privateId, "team")).toBe(true);
    expect((await listNotesForContact(db, u2, contactId)).map((n) => n.id)).toContain(privateId);
    expect(await searchIds(u2, privateWord)).toEqual([contactId]);

    expect(await setNoteVisibility(db, u1, privateId, "private")).toBe(true);
    expect((await listNotesForContact(db, u2, contactId)).map((n) => n.id)).not.toContain(privateId);
    expect(await searchIds(u2, privateWord)).toEqual([]);
  });

  it("the author can delete their own note", async () => {
    const { u1, u2, contactId, teamId, privateId } = await makeTeam();
    expect(await deleteNote(db, u1, teamId)).toBe(true);
    expect(await bodies(u2, contactId)).toEqual([]);
    expect((await listNotesForContact(db, u1, contactId)).map((n) => n.id)).toEqual([privateId]);
  });
});

describe("updateNote version check", () => {
  it("saves from the current version, refuses a stale one and hands back the newer text", async () => {
    const { scope } = await makeScopedUser();
    const { id: contactId } = await createContact(db, scope, contactInput());
    const id = await writeNote(scope, contactId, "first draft", "private");

    expect(await updateNote(db, scope, { id, body: "edited in tab A", version: 1 })).toEqual({ status: "ok", version: 2 });
    expect(await updateNote(db, scope, { id, body: "edited in tab B", version: 1 })).toEqual({
      status: "conflict",
      current: { body: "edited in tab A", version: 2 },
    });
    expect(await listNotesForContact(db, scope, contactId)).toMatchObject([{ body: "edited in tab A", version: 2 }]);

    expect(await updateNote(db, scope, { id, body: "merged", version: 2 })).toEqual({ status: "ok", version: 3 });
    expect(await bodies(scope, contactId)).toEqual(["merged"]);
  });

  it("answers not_found for a note that does not exist", async () => {
    const { scope } = await makeScopedUser();
    expect(await updateNote(db, scope, { id: randomUUID(), body: "x", version: 1 })).toEqual({ status: "not_found" });
  });
});
