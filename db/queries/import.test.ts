import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { and, asc, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import { activity, auditLog, contacts, notes } from "@/db/schema";
import { contactsToCsv } from "@/lib/export/csv";
import { contactsToVcard } from "@/lib/export/vcard";
import { ImportFileError, readImportFile, type ParsedImport } from "@/lib/import";
import { contactInput, makeScopedUser, makeTeam } from "@/lib/testing/factories";
import { contactListQuerySchema } from "@/lib/validation/contacts";
import { createContact, getContact, listContacts, type Scope } from "./contacts";
import { exportWorkspaceContacts } from "./export";
import { previewImport, runImport } from "./import";
import { createNote, listNotesForContact } from "./notes";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});

const FIXTURES = path.join(import.meta.dirname, "../../lib/import/fixtures");
const fixture = (name: string, options?: Parameters<typeof readImportFile>[2]) =>
  readImportFile(new Uint8Array(fs.readFileSync(path.join(FIXTURES, name))), name, options);
const csv = (text: string, options?: Parameters<typeof readImportFile>[2]) => readImportFile(new TextEncoder().encode(text), "contacts.csv", options);

/** Everything about the workspace's contacts that an import could change, in a stable order. */
async function snapshot(workspaceId: string) {
  return db
    .select({
      id: contacts.id,
      name: contacts.name,
      emails: contacts.emails,
      phone: contacts.phone,
      company: contacts.company,
      title: contacts.title,
      url: contacts.url,
      location: contacts.location,
      tags: contacts.tags,
      connectedOn: contacts.connectedOn,
      version: contacts.version,
      searchText: contacts.searchText,
      createdBy: contacts.createdBy,
    })
    .from(contacts)
    .where(eq(contacts.workspaceId, workspaceId))
    .orderBy(asc(contacts.name), asc(contacts.id));
}

async function rowCounts(workspaceId: string) {
  const [c] = await db.select({ n: count() }).from(contacts).where(eq(contacts.workspaceId, workspaceId));
  const [n] = await db.select({ n: count() }).from(notes).where(eq(notes.workspaceId, workspaceId));
  const [a] = await db.select({ n: count() }).from(activity).where(eq(activity.workspaceId, workspaceId));
  const [l] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.workspaceId, workspaceId));
  return { contacts: c?.n, notes: n?.n, activity: a?.n, audit: l?.n };
}

const byName = async (workspaceId: string, name: string) => (await snapshot(workspaceId)).find((c) => c.name === name);

describe("each format imports the right people with the right fields", () => {
  it("LinkedIn: every connection, with when you connected, searchable at once", async () => {
    const { scope, workspaceId } = await makeScopedUser();
    const report = await runImport(db, scope, fixture("linkedin-connections.csv"), "merge");
    expect(report.counts).toEqual({ create: 6, merge: 0, skip: 0 });
    expect(await byName(workspaceId, "José García Márquez")).toMatchObject({
      emails: [],
      company: "Acme, Inc.",
      title: "Senior Engineer",
      url: "https://www.linkedin.com/in/jgarciam",
      connectedOn: "2023-10-17",
      createdBy: scope.userId,
      version: 1,
    });
    expect(await byName(workspaceId, "Wei Zhang")).toMatchObject({ emails: ["wei.zhang@example.org"], connectedOn: "2021-12-28" });
    // search_text is kept by the data layer, as for contacts added by hand.
    const found = await listContacts(db, scope, contactListQuerySchema.parse({ q: "nordic climate" }));
    expect(found.items.map((c) => c.name)).toEqual(["Zoë Lindqvist"]);
    const found2 = await listContacts(db, scope, contactListQuerySchema.parse({ q: "wei.zhang@" }));
    expect(found2.items.map((c) => c.name)).toEqual(["Wei Zhang"]);
  });

  it("Google, Outlook, mapped CSV and vCard 2.1/3.0/4.0: fields, tags and notes (private, the importer's)", async () => {
    const { scope, workspaceId } = await makeScopedUser();
    const files: [ParsedImport, number][] = [
      [fixture("google-contacts.csv"), 2],
      [fixture("outlook-contacts.csv"), 2],
      [fixture("custom-mapping.csv", { mapping: ["name", "emails", "company", "phone", "location", "howWeMet", "note"] }), 3],
      [fixture("contacts-v21.vcf"), 2],
      [fixture("contacts-v30.vcf"), 2],
      [fixture("contacts-v40.vcf"), 2],
    ];
    for (const [parsed, created] of files) {
      expect((await runImport(db, scope, parsed, "merge")).counts.create, parsed.format).toBe(created);
    }
    expect(await byName(workspaceId, "Grace Brewster Hopper")).toMatchObject({ tags: ["Mentors", "Navy"], location: "Arlington, VA, US", phone: "+1 202 555 0143" });
    expect(await byName(workspaceId, "Jürgen Müller")).toMatchObject({ title: "Geschäftsführer", company: "Bäckerei Müller GmbH" });
    expect(await byName(workspaceId, "Ngozi Adichie")).toMatchObject({ location: "Lagos, Nigeria", phone: "+234 1 555 0199" });
    expect(await byName(workspaceId, "Jürgen Müller-Lüdenscheidt")).toMatchObject({ company: "Straßenbau Nord" });
    expect(await byName(workspaceId, "Dr. Adaeze Okonkwo")).toMatchObject({ company: "Okonkwo, Bello & Partners", tags: ["Legal", "Mentors"] });
    expect(await byName(workspaceId, "Marie Curie")).toMatchObject({ emails: ["marie@radium.example", "m.curie@home.example"] });

    const curie = await byName(workspaceId, "Marie Curie");
    const curieNotes = await listNotesForContact(db, scope, curie?.id ?? "");
    expect(curieNotes).toMatchObject([{ body: "Two Nobel prizes.\nAsk about polonium.", visibility: "private", mine: true }]);
  });
});

describe("preview", () => {
  it("says what would happen and writes nothing; the import then does exactly that", async () => {
    const { scope, workspaceId } = await makeScopedUser();
    await createContact(db, scope, contactInput({ name: "Amara O.", emails: "AMARA.OKAFOR@example.com" }));
    const before = await rowCounts(workspaceId);
    const parsed = fixture("linkedin-connections.csv");
    const preview = await previewImport(db, scope, parsed, "merge");
    expect(preview.counts).toEqual({ create: 5, merge: 1, skip: 0 });
    expect(preview.rows[0]).toMatchObject({
      where: "Row 5",
      name: "Amara Okafor",
      outcome: "merge",
      detail: "Adds company, title, web address and date connected to Amara O. (same e-mail).",
    });
    expect(await rowCounts(workspaceId)).toEqual(before);
    const report = await runImport(db, scope, parsed, "merge");
    expect(report.counts).toEqual(preview.counts);
    expect(report.rows).toEqual(preview.rows);
  });
});

describe("duplicates", () => {
  it("match by e-mail whatever its case, then by name and company; merge fills gaps and never overwrites", async () => {
    const { scope, workspaceId } = await makeScopedUser();
    const ada = await createContact(db, scope, contactInput({ name: "Ada Lovelace", emails: "ada@example.com", company: "Analytical", title: "Countess" }));
    const grace = await createContact(db, scope, contactInput({ name: "Grace Hopper", company: "Navy", tags: "cobol" }));
    const parsed = csv(
      [
        "Name,Email,Company,Title,Phone,Tags",
        "Augusta Ada King,ADA@Example.COM,Other Co,Mathematician,+44 20 7946 0958,poetry",
        "grace hopper,grace@navy.example,NAVY,Rear Admiral,,mentors",
        "Grace Hopper,,Harvard,,,",
      ].join("\n"),
    );
    const report = await runImport(db, scope, parsed, "merge");
    expect(report.counts).toEqual({ create: 1, merge: 2, skip: 0 });
    expect(report.rows.map((r) => [r.where, r.outcome, r.detail])).toEqual([
      ["Row 2", "merge", "Adds phone and tags to Ada Lovelace (same e-mail)."],
      ["Row 3", "merge", "Adds title, e-mail and tags to Grace Hopper (same name and company)."],
      ["Row 4", "create", null],
    ]);
    const a = await getContact(db, workspaceId, ada.id);
    // What was there stays; what was missing is filled in; lists are joined.
    expect(a).toMatchObject({ name: "Ada Lovelace", company: "Analytical", title: "Countess", phone: "+44 20 7946 0958", tags: ["poetry"], version: 2 });
    const g = await getContact(db, workspaceId, grace.id);
    expect(g).toMatchObject({ emails: ["grace@navy.example"], tags: ["cobol", "mentors"], title: "Rear Admiral", company: "Navy", version: 2 });
    // The merged e-mail is searchable.
    const found = await listContacts(db, scope, contactListQuerySchema.parse({ q: "grace@navy" }));
    expect(found.items.map((c) => c.id)).toEqual([grace.id]);
  });

  it("within the file: merge combines the rows into one contact, skip keeps the first and says why", async () => {
    const text = [
      "First Name,Last Name,Email Address,Company,Position,Connected On",
      "Ada,Lovelace,ada@example.com,Analytical,,05 Nov 2023",
      "Ada,Lovelace,Ada@Example.com,,Countess,",
      "Bob,Babbage,,Engines,,",
      "bob,babbage,,engines,Inventor,",
    ].join("\n");

    const merging = await makeScopedUser();
    const merged = await runImport(db, merging.scope, csv(text), "merge");
    expect(merged.counts).toEqual({ create: 2, merge: 2, skip: 0 });
    expect(merged.rows.find((r) => r.where === "Row 3")?.detail).toBe("Combined with Row 2 of this file (same e-mail): adds title.");
    expect(await snapshot(merging.workspaceId)).toMatchObject([
      { name: "Ada Lovelace", emails: ["ada@example.com"], company: "Analytical", title: "Countess", connectedOn: "2023-11-05" },
      { name: "Bob Babbage", company: "Engines", title: "Inventor" },
    ]);

    const skipping = await makeScopedUser();
    const skipped = await runImport(db, skipping.scope, csv(text), "skip");
    expect(skipped.counts).toEqual({ create: 2, merge: 0, skip: 2 });
    expect(skipped.rows.filter((r) => r.outcome === "skip").map((r) => [r.where, r.detail])).toEqual([
      ["Row 3", "Same person as Row 2 (same e-mail)."],
      ["Row 5", "Same person as Row 4 (same name and company)."],
    ]);
    expect(await snapshot(skipping.workspaceId)).toMatchObject([{ name: "Ada Lovelace", title: null }, { name: "Bob Babbage", title: null }]);
  });

  it("skip leaves people already here untouched, with the reason", async () => {
    const { scope, workspaceId } = await makeScopedUser();
    await createContact(db, scope, contactInput({ name: "Wei Z.", emails: "wei.zhang@example.org" }));
    const before = await snapshot(workspaceId);
    const report = await runImport(db, scope, fixture("linkedin-connections.csv"), "skip");
    expect(report.counts).toEqual({ create: 5, merge: 0, skip: 1 });
    expect(report.rows[0]).toMatchObject({ where: "Row 8", outcome: "skip", detail: "Already in your contacts as Wei Z. (same e-mail)." });
    expect((await snapshot(workspaceId)).find((c) => c.name === "Wei Z.")).toEqual(before[0]);
  });

  it("importing the same file again changes nothing, and says there was nothing new", async () => {
    const { scope, workspaceId } = await makeScopedUser();
    await runImport(db, scope, fixture("contacts-v30.vcf"), "merge");
    const before = { contacts: await snapshot(workspaceId), counts: await rowCounts(workspaceId) };
    const again = await runImport(db, scope, fixture("contacts-v30.vcf"), "merge");
    expect(again.counts).toEqual({ create: 0, merge: 0, skip: 2 });
    expect(again.rows[0]?.detail).toBe("Already in your contacts as Dr. Adaeze Okonkwo (same e-mail), with nothing new to add.");
    expect(await snapshot(workspaceId)).toEqual(before.contacts);
    // Same notes (the note was not added twice); one more audit entry for the attempt.
    expect(await rowCounts(workspaceId)).toEqual({ ...before.counts, audit: (before.counts.audit ?? 0) + 1 });
  });

  it("never match another workspace's contacts", async () => {
    const team = await makeTeam();
    await createContact(db, team.owner, contactInput({ name: "Amara Okafor", emails: "amara.okafor@example.com" }));
    const report = await runImport(db, team.ownerElsewhere, fixture("linkedin-connections.csv"), "merge");
    expect(report.counts).toEqual({ create: 6, merge: 0, skip: 0 });
  });
});

describe("one transaction", () => {
  it("records the import in the activity feed and the audit log", async () => {
    const { scope, workspaceId } = await makeScopedUser();
    await runImport(db, scope, fixture("linkedin-connections.csv"), "merge");
    const [feed] = await db.select().from(activity).where(eq(activity.workspaceId, workspaceId));
    expect(feed).toMatchObject({ kind: "contacts_imported", actorId: scope.userId, count: 6 });
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, "contacts.imported")));
    expect(entry).toMatchObject({ actorId: scope.userId, details: { format: "linkedin", created: 6, merged: 0, skipped: 0 } });
  });

  it("a failure part-way leaves the database as it was", async () => {
    const { scope, workspaceId } = await makeScopedUser();
    const existing = await createContact(db, scope, contactInput({ name: "Ada Lovelace", emails: "ada@example.com" }));
    const before = { contacts: await snapshot(workspaceId), counts: await rowCounts(workspaceId) };
    // A real fault from the database, after the contacts are written: the notes insert fails.
    const poison = `poison-${randomUUID()}`;
    const fn = `fail_${poison.replace(/-/g, "_")}`;
    await db.execute(sql.raw(`create function ${fn}() returns trigger language plpgsql as $$ begin
      if new.body = '${poison}' then raise exception 'injected failure'; end if; return new; end $$`));
    await db.execute(sql.raw(`create trigger ${fn} before insert on notes for each row execute function ${fn}()`));
    try {
      const parsed = csv(["Name,Email,Phone,Notes", `Ada Lovelace,ada@example.com,+44 1,`, `New Person,new@example.com,,${poison}`].join("\n"));
      await expect(runImport(db, scope, parsed, "merge")).rejects.toThrow();
    } finally {
      await db.execute(sql.raw(`drop trigger ${fn} on notes`));
      await db.execute(sql.raw(`drop function ${fn}()`));
    }
    expect(await snapshot(workspaceId)).toEqual(before.contacts);
    expect(await rowCounts(workspaceId)).toEqual(before.counts);
    expect((await getContact(db, workspaceId, existing.id))?.phone).toBeNull();
  });

  it("a refused file is refused before the database is touched", async () => {
    const { workspaceId } = await makeScopedUser();
    const before = await rowCounts(workspaceId);
    const bad: [Uint8Array, string][] = [
      [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]), "photo.csv"],
      [new Uint8Array(4096).map((_, i) => (i * 31) % 256), "contacts.csv"],
      [new TextEncoder().encode(`First Name,Last Name\n${"A,B\n".repeat(50_001)}`), "big.csv"],
      [new TextEncoder().encode("not a vcard"), "contacts.vcf"],
    ];
    for (const [bytes, name] of bad) expect(() => readImportFile(bytes, name)).toThrow(ImportFileError);
    expect(await rowCounts(workspaceId)).toEqual(before);
  });
});

describe("round trips through the database", () => {
  async function seed(scope: Scope) {
    await runImport(db, scope, fixture("linkedin-connections.csv"), "merge");
    await createContact(
      db,
      scope,
      contactInput({
        name: "=Formula Person",
        emails: "f@example.com, g@example.org",
        phone: "+1 (555) 010-0100",
        company: "Semi; Colon, Inc.",
        title: "-Minus",
        location: "Paris, France",
        url: "example.com/a,b",
        howWeMet: "A talk\non two lines",
        tags: "@home, a;b",
        interests: "Sailing",
        needs: "An intro",
        offers: "Advice",
        cadence: "none",
      }),
    );
    const archived = await createContact(db, scope, contactInput({ name: "Archived Person", cadence: "365" }));
    await db.update(contacts).set({ archivedAt: new Date() }).where(and(eq(contacts.workspaceId, scope.workspaceId), eq(contacts.id, archived.id)));
  }
  const withoutIds = (rows: Awaited<ReturnType<typeof exportWorkspaceContacts>>) => rows.map(({ id: _id, ...rest }) => rest);

  for (const format of ["csv", "vcard"] as const) {
    it(`${format}: export → import into another workspace → export gives the same contacts`, async () => {
      const a = await makeScopedUser();
      const b = await makeScopedUser();
      await seed(a.scope);
      const original = await exportWorkspaceContacts(db, a.scope, format);
      expect(original).toHaveLength(8);
      const file = format === "csv" ? contactsToCsv(original) : contactsToVcard(original);
      const parsed = readImportFile(new TextEncoder().encode(file), format === "csv" ? "export.csv" : "export.vcf");
      expect((await runImport(db, b.scope, parsed, "merge")).counts).toEqual({ create: 8, merge: 0, skip: 0 });
      expect(withoutIds(await exportWorkspaceContacts(db, b.scope, format))).toEqual(withoutIds(original));
    });
  }
});

describe("size", () => {
  it("imports 3,000 rows with one statement per kind of write", async () => {
    const { scope, workspaceId } = await makeScopedUser();
    const lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"];
    for (let i = 0; i < 3000; i++) lines.push(`Person,Number ${i},https://www.linkedin.com/in/p${i},${i % 3 ? "" : `p${i}@example.com`},Co ${i % 50},Role,0${1 + (i % 9)} Mar 2022`);
    const parsed = csv(lines.join("\n"));
    const report = await runImport(db, scope, parsed, "merge");
    expect(report.counts).toEqual({ create: 3000, merge: 0, skip: 0 });
    expect(report.rows).toHaveLength(1000);
    expect(report.rowsOmitted).toBe(2000);
    expect((await rowCounts(workspaceId)).contacts).toBe(3000);
    const again = await previewImport(db, scope, parsed, "merge");
    expect(again.counts).toEqual({ create: 0, merge: 0, skip: 3000 });
  });
});

describe("a note already written by someone else does not stop the importer's own", () => {
  it("adds the importer's private note even when a teammate wrote the same words", async () => {
    const team = await makeTeam();
    const c = await createContact(db, team.owner, contactInput({ name: "Lena Berg", emails: "lena@example.no" }));
    await createNote(db, team.member, { contactId: c.id, body: "Backslash \\ stays, and so does this.", visibility: "private" });
    const report = await runImport(db, team.owner, fixture("contacts-v30.vcf"), "merge");
    expect(report.rows.find((r) => r.name === "Lena Berg")?.detail).toBe("Adds a note to Lena Berg (same e-mail).");
    expect((await listNotesForContact(db, team.owner, c.id)).map((n) => [n.body, n.mine])).toEqual([["Backslash \\ stays, and so does this.", true]]);
  });
});
