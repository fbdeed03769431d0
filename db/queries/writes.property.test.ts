import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows, type Db } from "@/db/client";
import { startOfDateIn, todayIn } from "@/lib/dates";
import { contactInput, makeScopedUser } from "@/lib/testing/factories";
import { hostileString, hostileValue, SMUGGLED_KEYS } from "@/lib/testing/hostile";
import { contactInputSchema, contactUpdateSchema, createNoteSchema, updateNoteSchema } from "@/lib/validation/contacts";
import { logInteractionSchema } from "@/lib/validation/ledger";
import { createContact, getContact, updateContact, type Scope } from "./contacts";
import { logInteraction, listInteractionsForContact } from "./ledger";
import { createNote, listNotesForContact, updateNote } from "./notes";

/**
 * The write paths of the contact, note and ledger actions, fed random and hostile input
 * the way the actions take it: the schema first, then the query with the caller's scope.
 * Whatever is refused leaves both workspaces exactly as they were; whatever is accepted is
 * stored as validated, without a database error; an id from another workspace (or none)
 * finds nothing and changes nothing.
 */

const RUNS = Number(process.env.FC_DB_RUNS ?? 60);
const TZ = "Europe/London";

let db: Db;
let mine: Scope;
let theirs: Scope;
let myContact: string;
let theirContact: string;
let myNote: string;

beforeAll(async () => {
  db = await getDb();
  mine = (await makeScopedUser("Mina Mine")).scope;
  theirs = (await makeScopedUser("Theo Theirs")).scope;
  myContact = (await createContact(db, mine, contactInput({ name: "Grace Hopper" }))).id;
  theirContact = (await createContact(db, theirs, contactInput({ name: "Not Yours" }))).id;
  const note = await createNote(db, mine, { contactId: myContact, body: "first", visibility: "private" });
  myNote = note!.id;
});

/** Every tenant row of a workspace, hashed: equal hashes, nothing written. */
async function snapshot(workspaceId: string): Promise<Record<string, string>> {
  const [row] = await queryRows<Record<string, string>>(
    db,
    sql`select
      (select md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from contacts t where t.workspace_id = ${workspaceId}) as contacts,
      (select md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from notes t where t.workspace_id = ${workspaceId}) as notes,
      (select md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from interactions t where t.workspace_id = ${workspaceId}) as interactions,
      (select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from relationship_stats t where t.workspace_id = ${workspaceId}) as stats,
      (select md5(coalesce(string_agg(t::text, '|' order by t.id), '')) from activity t where t.workspace_id = ${workspaceId}) as activity`,
  );
  return row!;
}

/** How each run ended, so a test can show it exercised every branch rather than only refusals. */
type Outcome = "refused" | "not_found" | "stored";
function outcomes() {
  const seen = new Map<Outcome, number>();
  return {
    saw: (o: Outcome) => seen.set(o, (seen.get(o) ?? 0) + 1),
    expectAll: (...wanted: Outcome[]) => {
      for (const o of wanted) expect(seen.get(o) ?? 0, `no run ended ${o}: ${JSON.stringify([...seen])}`).toBeGreaterThan(0);
    },
  };
}

async function both() {
  return { mine: await snapshot(mine.workspaceId), theirs: await snapshot(theirs.workspaceId) };
}

/** A form as the page would send it, with some fields replaced by hostile values and maybe a smuggled one. */
function formWith(base: Record<string, unknown>, fields: readonly string[]) {
  return fc
    .tuple(
      fc.oneof(
        { weight: 1, arbitrary: fc.constant({}) },
        { weight: 3, arbitrary: fc.dictionary(fc.constantFrom(...fields), fc.oneof(hostileString, hostileValue), { maxKeys: 3 }) },
      ),
      fc.oneof(
        { weight: 3, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...SMUGGLED_KEYS), fc.oneof(fc.uuid(), fc.constant("owner"))) },
      ),
    )
    .map(([changes, smuggled]) => {
      const input: Record<string, unknown> = { ...base, ...changes };
      if (smuggled) Object.defineProperty(input, smuggled[0], { value: smuggled[1], enumerable: true, configurable: true, writable: true });
      return input;
    });
}

/** Ids a caller might send: their own, another workspace's, one that exists nowhere, or garbage. */
const someId = (own: () => string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(null).map(() => own()) },
    { weight: 1, arbitrary: fc.constant(null).map(() => theirContact) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: hostileValue },
  );

const contactForm = {
  name: "Ada Lovelace",
  emails: "ada@example.com",
  phone: "",
  company: "Analytical Engines",
  title: "",
  location: "",
  url: "",
  howWeMet: "",
  tags: "maths",
  interests: "",
  needs: "",
  offers: "",
  cadence: "90",
};
const contactFields = Object.keys(contactForm);

describe("createContact through its action's schema", () => {
  it("stores exactly what the schema accepted, and nothing for what it refused", async () => {
    const seen = outcomes();
    await fc.assert(
      fc.asyncProperty(formWith(contactForm, contactFields), async (input) => {
        const before = await both();
        const parsed = contactInputSchema.safeParse(input);
        if (!parsed.success) {
          expect(await both()).toEqual(before);
          seen.saw("refused");
          return;
        }
        const { id } = await createContact(db, mine, parsed.data);
        const stored = await getContact(db, mine.workspaceId, id);
        const { cadence, ...fields } = parsed.data;
        expect(stored).toMatchObject({ ...fields, cadenceDays: cadence });
        expect((await both()).theirs).toEqual(before.theirs);
        seen.saw("stored");
      }),
      { numRuns: RUNS },
    );
    seen.expectAll("refused", "stored");
  });
});

describe("updateContact through its action's schema", () => {
  it("changes only this workspace's contact, at its current version, to exactly what was accepted", async () => {
    const seen = outcomes();
    await fc.assert(
      fc.asyncProperty(
        formWith(contactForm, contactFields),
        someId(() => myContact),
        fc.oneof(fc.constant("current"), fc.constant("stale"), hostileValue),
        async (form, id, v) => {
          const current = (await getContact(db, mine.workspaceId, myContact))!.version;
          const version = v === "current" ? String(current) : v === "stale" ? String(Math.max(1, current - 1)) : v;
          const before = await both();
          const parsed = contactUpdateSchema.safeParse({ ...form, id, version });
          if (!parsed.success) {
            expect(await both()).toEqual(before);
            seen.saw("refused");
            return;
          }
          const { id: target, version: from, ...input } = parsed.data;
          const result = await updateContact(db, mine.workspaceId, target, from, input);
          if (target !== myContact || from !== current) {
            expect(result).not.toBe("ok");
            expect(await both()).toEqual(before);
            seen.saw("not_found");
            return;
          }
          expect(result).toBe("ok");
          const { cadence, ...fields } = input;
          expect(await getContact(db, mine.workspaceId, myContact)).toMatchObject({ ...fields, cadenceDays: cadence, version: current + 1 });
          expect((await both()).theirs).toEqual(before.theirs);
          seen.saw("stored");
        },
      ),
      { numRuns: RUNS },
    );
    seen.expectAll("refused", "not_found", "stored");
  });
});

describe("notes through their actions' schemas", () => {
  it("createNote: only on this workspace's contact, with the accepted text", async () => {
    const seen = outcomes();
    await fc.assert(
      fc.asyncProperty(
        someId(() => myContact),
        fc.oneof(hostileString, hostileValue),
        fc.oneof(fc.constantFrom("private", "team"), hostileValue),
        async (contactId, body, visibility) => {
          const before = await both();
          const parsed = createNoteSchema.safeParse({ contactId, body, visibility });
          if (!parsed.success) {
            expect(await both()).toEqual(before);
            seen.saw("refused");
            return;
          }
          const note = await createNote(db, mine, parsed.data);
          if (parsed.data.contactId !== myContact) {
            expect(note).toBeUndefined();
            expect(await both()).toEqual(before);
            seen.saw("not_found");
            return;
          }
          const stored = (await listNotesForContact(db, mine, myContact)).find((n) => n.id === note?.id);
          expect(stored?.body).toBe(parsed.data.body);
          expect((await both()).theirs).toEqual(before.theirs);
          seen.saw("stored");
        },
      ),
      { numRuns: RUNS },
    );
    seen.expectAll("refused", "not_found", "stored");
  });

  it("updateNote: only the caller's own note at its current version", async () => {
    const seen = outcomes();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(null).map(() => myNote), fc.uuid(), hostileValue),
        fc.oneof(hostileString, hostileValue),
        fc.oneof(fc.constant("current"), fc.constant("stale"), hostileValue),
        async (id, body, v) => {
          const current = (await listNotesForContact(db, mine, myContact)).find((n) => n.id === myNote)!;
          const version = v === "current" ? String(current.version) : v === "stale" ? String(Math.max(1, current.version - 1)) : v;
          const before = await both();
          const parsed = updateNoteSchema.safeParse({ id, body, version });
          if (!parsed.success) {
            expect(await both()).toEqual(before);
            seen.saw("refused");
            return;
          }
          const result = await updateNote(db, mine, parsed.data);
          if (parsed.data.id !== myNote || parsed.data.version !== current.version) {
            expect(result.status).not.toBe("ok");
            expect(await both()).toEqual(before);
            seen.saw("not_found");
            return;
          }
          expect(result).toEqual({ status: "ok", version: current.version + 1 });
          const stored = (await listNotesForContact(db, mine, myContact)).find((n) => n.id === myNote);
          expect(stored?.body).toBe(parsed.data.body);
          seen.saw("stored");
        },
      ),
      { numRuns: RUNS },
    );
    seen.expectAll("refused", "not_found", "stored");
  });
});

describe("logInteraction through its action's schema", () => {
  const entry = { direction: "gave", kind: "intro", weight: "3", date: "2024-05-01", summary: "Introduced her to Charles", details: "" };

  it("logs only on this workspace's contact, in the past, exactly what was accepted", async () => {
    const seen = outcomes();
    await fc.assert(
      fc.asyncProperty(
        formWith(entry, Object.keys(entry)),
        someId(() => myContact),
        async (form, contactId) => {
          const before = await both();
          const parsed = logInteractionSchema.safeParse({ ...form, contactId });
          // The action refuses a future date after the schema: the same rule, here.
          if (!parsed.success || parsed.data.date > todayIn(TZ)) {
            expect(await both()).toEqual(before);
            seen.saw("refused");
            return;
          }
          const { confirmAsk: _confirm, date, ...fields } = parsed.data;
          const row = await logInteraction(db, mine, { ...fields, occurredAt: startOfDateIn(date, TZ) });
          if (parsed.data.contactId !== myContact) {
            expect(row).toBeUndefined();
            expect(await both()).toEqual(before);
            seen.saw("not_found");
            return;
          }
          const stored = (await listInteractionsForContact(db, mine, myContact)).find((i) => i.id === row?.id);
          expect(stored).toMatchObject({ direction: fields.direction, kind: fields.kind, weight: fields.weight, summary: fields.summary, details: fields.details });
          expect((await both()).theirs).toEqual(before.theirs);
          seen.saw("stored");
        },
      ),
      { numRuns: RUNS },
    );
    seen.expectAll("refused", "not_found", "stored");
  });
});
