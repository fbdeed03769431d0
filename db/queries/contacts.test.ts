import { randomUUID } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import { contacts, notes } from "@/db/schema";
import { contactInput, makeScopedUser } from "@/lib/testing/factories";
import { contactListQuerySchema, type ContactListQuery } from "@/lib/validation/contacts";
import {
  CONTACT_PAGE_SIZE,
  createContact,
  deleteContact,
  getContact,
  listContacts,
  setContactArchived,
  updateContact,
  type Scope,
} from "./contacts";
import { createNote } from "./notes";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});

/** A word no other test (or earlier run on the same database) has used. */
const word = (prefix = "w") => `${prefix}${randomUUID().slice(0, 8)}`;

const query = (params: Record<string, string> = {}): ContactListQuery => contactListQuerySchema.parse(params);

async function names(scope: Scope, params: Record<string, string> = {}): Promise<string[]> {
  return (await listContacts(db, scope, query(params))).items.map((c) => c.name);
}

describe("tenancy", () => {
  it("a contact of workspace A cannot be read, edited, archived or deleted through workspace B", async () => {
    const a = await makeScopedUser();
    const b = await makeScopedUser();
    const { id } = await createContact(db, a.scope, contactInput({ name: `Ada ${word()}`, company: "Analytical" }));
    const before = await getContact(db, a.workspaceId, id);
    expect(before).toMatchObject({ id, company: "Analytical", version: 1, archived: false });

    expect(await getContact(db, b.workspaceId, id)).toBeUndefined();
    expect(await updateContact(db, b.workspaceId, id, 1, contactInput({ name: "Hijacked" }))).toBe("not_found");
    expect(await setContactArchived(db, b.workspaceId, id, true)).toBe(false);
    expect(await deleteContact(db, b.workspaceId, id)).toBe(false);

    expect(await getContact(db, a.workspaceId, id)).toEqual(before);
  });

  it("listContacts for B never returns A's contacts, even when searching for them", async () => {
    const a = await makeScopedUser();
    const b = await makeScopedUser();
    const secret = word("secret");
    const mine = await createContact(db, b.scope, contactInput({ name: `Bea ${word()}` }));
    await createContact(db, a.scope, contactInput({ name: `Ann ${secret}`, tags: "shared-tag", company: "SharedCo" }));
    const archived = await createContact(db, a.scope, contactInput({ name: `Old ${secret}` }));
    await setContactArchived(db, a.workspaceId, archived.id, true);

    for (const sort of ["name", "recent"]) {
      const page = await listContacts(db, b.scope, query({ sort }));
      expect(page.items.map((c) => c.id)).toEqual([mine.id]);
    }
    expect(await names(b.scope, { q: secret })).toEqual([]);
    expect(await names(b.scope, { q: secret, archived: "1" })).toEqual([]);
    expect(await names(b.scope, { tag: "shared-tag" })).toEqual([]);
    expect(await names(b.scope, { company: "sharedco" })).toEqual([]);
    // The same searches from A do find them: the empty answers above are B's scope, not bad queries.
    expect(await names(a.scope, { q: secret })).toEqual([`Ann ${secret}`]);
    expect(await names(a.scope, { q: secret, archived: "1" })).toEqual([`Old ${secret}`]);
  });
});

describe("updateContact", () => {
  it("saves an edit made from the current version and bumps the version", async () => {
    const { scope, workspaceId } = await makeScopedUser();
    const { id } = await createContact(db, scope, contactInput({ name: "Lin", company: "Oldco" }));

    expect(await updateContact(db, workspaceId, id, 1, contactInput({ name: "Lin", company: "Newco" }))).toBe("ok");
    expect(await getContact(db, workspaceId, id)).toMatchObject({ company: "Newco", version: 2 });
    // Search follows the edit.
    expect(await names(scope, { q: "newco" })).toEqual(["Lin"]);
    expect(await names(scope, { q: "oldco" })).toEqual([]);
  });

  it("refuses an edit made from a stale version and writes nothing", async () => {
    const { scope, workspaceId } = await makeScopedUser();
    const { id } = await createContact(db, scope, contactInput({ name: "Mo" }));
    expect(await updateContact(db, workspaceId, id, 1, contactInput({ name: "Mo", title: "Teammate's edit" }))).toBe("ok");
    const before = await getContact(db, workspaceId, id);

    expect(await updateContact(db, workspaceId, id, 1, contactInput({ name: "Mo", title: "Stale edit" }))).toBe("conflict");
    expect(await getContact(db, workspaceId, id)).toEqual(before);

    expect(await updateContact(db, workspaceId, id, 2, contactInput({ name: "Mo", title: "Merged" }))).toBe("ok");
    expect(await getContact(db, workspaceId, id)).toMatchObject({ title: "Merged", version: 3 });
  });

  it("answers not_found for an id that does not exist", async () => {
    const { workspaceId } = await makeScopedUser();
    expect(await updateContact(db, workspaceId, randomUUID(), 1, contactInput())).toBe("not_found");
  });
});

describe("listContacts sorting", () => {
  it("sorts by name ignoring case, and by most recently added", async () => {
    const { scope } = await makeScopedUser();
    // Explicit, distinct creation times: a fast clock (PGlite) can give two inserts the same now().
    const base = Date.parse("2025-01-01T00:00:00Z");
    for (const [i, name] of ["delta", "Bravo", "alpha", "Charlie"].entries()) {
      const { id } = await createContact(db, scope, contactInput({ name }));
      await db.update(contacts).set({ createdAt: new Date(base + i * 1000) }).where(eq(contacts.id, id));
    }

    expect(await names(scope)).toEqual(["alpha", "Bravo", "Charlie", "delta"]);
    expect(await names(scope, { sort: "recent" })).toEqual(["Charlie", "alpha", "Bravo", "delta"]);
  });
});

describe("listContacts keyset paging", () => {
  const total = 120;
  let scope: Scope;
  let byName: string[];
  let byRecent: string[];
  let tagged: string[];

  beforeAll(async () => {
    ({ scope } = await makeScopedUser());
    const base = Date.parse("2024-03-01T12:00:00Z");
    // Names and times tie in threes, so ties fall across page boundaries and only the id breaks them;
    // mixed case shows the name order ignores case.
    const rows = await db
      .insert(contacts)
      .values(
        Array.from({ length: total }, (_, i) => ({
          workspaceId: scope.workspaceId,
          createdBy: scope.userId,
          name: `${i % 2 ? "PERSON" : "person"} ${String(Math.floor(i / 3)).padStart(3, "0")}`,
          createdAt: new Date(base + ((i * 7) % 40) * 1000),
          tags: i % 6 === 0 ? [] : ["paged"],
        })),
      )
      .returning({ id: contacts.id, name: contacts.name, createdAt: contacts.createdAt, tags: contacts.tags });
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    byName = rows.toSorted((x, y) => cmp(x.name.toLowerCase(), y.name.toLowerCase()) || cmp(x.id, y.id)).map((r) => r.id);
    byRecent = rows.toSorted((x, y) => y.createdAt.getTime() - x.createdAt.getTime() || cmp(y.id, x.id)).map((r) => r.id);
    tagged = byName.filter((id) => rows.find((r) => r.id === id)?.tags.includes("paged"));
  });

  /** Follows nextCursor to the end; returns the ids of each page. */
  async function walk(params: Record<string, string>): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await listContacts(db, scope, query(cursor ? { ...params, cursor } : params));
      pages.push(page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor && pages.length < 10);
    return pages;
  }

  it.each([
    ["name", () => byName],
    ["recent", () => byRecent],
  ])("walks every contact once, in order, sorted by %s", async (sort, expected) => {
    const pages = await walk({ sort });
    expect(pages.map((p) => p.length)).toEqual([CONTACT_PAGE_SIZE, CONTACT_PAGE_SIZE, total - 2 * CONTACT_PAGE_SIZE]);
    const ids = pages.flat();
    expect(new Set(ids).size).toBe(total);
    expect(ids).toEqual(expected());
  });

  it("gives no cursor after a last page that is exactly full", async () => {
    expect(tagged).toHaveLength(2 * CONTACT_PAGE_SIZE);
    const pages = await walk({ tag: "paged" });
    expect(pages).toEqual([tagged.slice(0, CONTACT_PAGE_SIZE), tagged.slice(CONTACT_PAGE_SIZE)]);
  });

  it("ignores a cursor it did not make, starting from the first page", async () => {
    const json = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    const nameCursor = (await listContacts(db, scope, query({ sort: "name" }))).nextCursor;
    const recentCursor = (await listContacts(db, scope, query({ sort: "recent" }))).nextCursor;
    expect(nameCursor).toEqual(expect.any(String));
    const garbage = [
      "garbage",
      "%%%",
      json(null),
      json({ k: "x", id: "not-a-uuid" }),
      json({ k: "2024-02-31 00:00:00+00", id: randomUUID() }),
      json({ k: "nul\u0000byte", id: randomUUID() }),
      json({ s: "name", k: "nul\u0000byte", id: randomUUID() }),
      json({ s: "name", k: "a", id: "-".repeat(36) }),
      json({ s: "recent", k: "2024-02-31T00:00:00.000000Z", id: randomUUID() }),
      json({ s: "recent", k: "yesterday", id: randomUUID() }),
    ];
    for (const [sort, cursors] of [
      ["name", [...garbage, recentCursor!]],
      ["recent", [...garbage, nameCursor!]],
    ] as const) {
      const first = (await listContacts(db, scope, query({ sort }))).items;
      for (const cursor of cursors) {
        expect((await listContacts(db, scope, query({ sort, cursor }))).items, `${sort} ${cursor}`).toEqual(first);
      }
    }
  });
});

describe("listContacts filters and search", () => {
  let scope: Scope;
  let workspaceId: string;
  beforeAll(async () => {
    ({ scope, workspaceId } = await makeScopedUser());
    const add = (fields: Parameters<typeof contactInput>[0]) => createContact(db, scope, contactInput(fields));
    await add({ name: "Ada", company: "Acme Robotics", tags: "founder, climate-tech", emails: "ada@analytical.example" });
    await add({ name: "Bob", company: "acme robotics", tags: "Founder" });
    await add({ name: "Cy", company: "Acme", tags: "investor" });
    await add({ name: "Dan 100%_off", company: "Percent" });
  });

  it("filters by an exact tag", async () => {
    expect(await names(scope, { tag: "founder" })).toEqual(["Ada"]);
    expect(await names(scope, { tag: "Founder" })).toEqual(["Bob"]);
    expect(await names(scope, { tag: "climate" })).toEqual([]);
  });

  it("filters by company, equal ignoring case", async () => {
    expect(await names(scope, { company: "ACME ROBOTICS" })).toEqual(["Ada", "Bob"]);
    expect(await names(scope, { company: "acme" })).toEqual(["Cy"]);
  });

  it("searches parts of the company, a tag and the e-mail, ignoring case", async () => {
    expect(await names(scope, { q: "ROBOT" })).toEqual(["Ada", "Bob"]);
    expect(await names(scope, { q: "limate-te" })).toEqual(["Ada"]);
    expect(await names(scope, { q: "ada@analytical.example" })).toEqual(["Ada"]);
    expect(await names(scope, { q: "vest" })).toEqual(["Cy"]);
  });

  it("treats % and _ in a search literally", async () => {
    expect(await names(scope, { q: "%" })).toEqual(["Dan 100%_off"]);
    expect(await names(scope, { q: "_" })).toEqual(["Dan 100%_off"]);
    expect(await names(scope, { q: "a%o" })).toEqual([]);
    expect(await names(scope, { q: "\\" })).toEqual([]);
  });

  it("shows archived contacts only when asked, and restores them", async () => {
    const { id } = await createContact(db, scope, contactInput({ name: "Eve", company: "Acme" }));
    expect(await setContactArchived(db, workspaceId, id, true)).toBe(true);
    expect(await getContact(db, workspaceId, id)).toMatchObject({ archived: true });

    expect(await names(scope)).not.toContain("Eve");
    expect(await names(scope, { q: "eve" })).toEqual([]);
    expect(await names(scope, { archived: "1" })).toEqual(["Eve"]);
    expect(await names(scope, { archived: "1", company: "acme" })).toEqual(["Eve"]);
    expect((await listContacts(db, scope, query({ archived: "1" }))).items[0]).toMatchObject({ archived: true });

    expect(await setContactArchived(db, workspaceId, id, false)).toBe(true);
    expect(await names(scope)).toContain("Eve");
    expect(await names(scope, { archived: "1" })).toEqual([]);
  });
});

describe("deleteContact", () => {
  it("removes the contact and its notes, and nothing else", async () => {
    const { scope, workspaceId } = await makeScopedUser();
    const doomed = await createContact(db, scope, contactInput({ name: "Doomed" }));
    const kept = await createContact(db, scope, contactInput({ name: "Kept" }));
    for (const contact of [doomed, kept]) {
      await createNote(db, scope, { contactId: contact.id, body: "private", visibility: "private" });
      await createNote(db, scope, { contactId: contact.id, body: "team", visibility: "team" });
    }
    const notesOf = async (contactId: string) =>
      (await db.select({ n: count() }).from(notes).where(eq(notes.contactId, contactId)))[0]?.n;
    expect(await notesOf(doomed.id)).toBe(2);

    expect(await deleteContact(db, workspaceId, doomed.id)).toBe(true);

    expect(await getContact(db, workspaceId, doomed.id)).toBeUndefined();
    expect(await notesOf(doomed.id)).toBe(0);
    expect(await notesOf(kept.id)).toBe(2);
    expect(await names(scope)).toEqual(["Kept"]);
    expect(await deleteContact(db, workspaceId, doomed.id)).toBe(false);
  });
});
