import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import { contacts, interactions, promises, relationshipStats } from "@/db/schema";
import {
  DAY_MS,
  KINDS,
  KIND_NAMES,
  STATE_THRESHOLD,
  askStreak,
  daysSinceLastContact,
  scoreRelationship,
  type Direction,
  type Kind,
} from "@/lib/scoring";
import { contactInput, makeScopedUser, makeTeam } from "@/lib/testing/factories";
import { createContact, type Scope } from "./contacts";
import {
  cancelPromise,
  completePromise,
  createPromise,
  deleteInteraction,
  getRelationship,
  listInteractionsForContact,
  listOpenPromises,
  logInteraction,
  updateInteraction,
  type InteractionInput,
} from "./ledger";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});

const NOW = new Date("2026-03-01T09:30:00Z");
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY_MS);

const gave = (contactId: string, fields: Partial<InteractionInput> = {}): InteractionInput => ({
  contactId, direction: "gave", kind: "favor", weight: 3, occurredAt: daysAgo(1), summary: "Helped out", details: null, ...fields,
});

async function log(scope: Scope, input: InteractionInput): Promise<string> {
  const row = await logInteraction(db, scope, input);
  if (!row) throw new Error("log: contact not in scope");
  return row.id;
}

async function rowCount(table: typeof interactions | typeof promises | typeof relationshipStats, contactId: string) {
  const [row] = await db.select({ n: count() }).from(table).where(eq(table.contactId, contactId));
  return row?.n;
}

async function relationship(scope: Scope, contactId: string, now = NOW) {
  const r = await getRelationship(db, scope, contactId, now);
  if (!r) throw new Error("relationship: contact not in scope");
  return r;
}

/** SQL's decayed sums go through 2^(t/h) · 2^(−now/h): equal to the reference to ~1e-15, not bit for bit. */
const near = (x: number) => expect.closeTo(x, 9);
const ZERO = { give: 0, take: 0, mutual: 0, balance: 0, balanceScore: 100, state: "balanced", strength: 0, lastAt: null, askStreak: 0 };

/** mulberry32: a small seeded PRNG, so a failure reproduces. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Entry = { direction: Direction; kind: Kind; weight: number; occurredAt: Date };

/** 0–12 interactions over the past four years; asks are over-represented and some share an instant. */
function randomLedger(rand: () => number): Entry[] {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  const ledger: Entry[] = [];
  for (let n = Math.floor(rand() * 13); n > 0; n--) {
    const kind: Kind = rand() < 0.2 ? "ask" : pick(KIND_NAMES);
    const occurredAt = ledger.length > 0 && rand() < 0.1 ? pick(ledger).occurredAt : daysAgo(Math.floor(rand() * 4 * 365 * DAY_MS) / DAY_MS);
    ledger.push({ kind, direction: pick(KINDS[kind].directions), weight: 1 + Math.floor(rand() * 5), occurredAt });
  }
  return ledger;
}

describe("the SQL scores agree with lib/scoring", () => {
  it("on 1,000 random ledgers", async () => {
    const LEDGERS = 1000;
    const rand = prng(20260301);
    const u = await makeScopedUser();
    const inserted = await db
      .insert(contacts)
      .values(Array.from({ length: LEDGERS }, (_, i) => ({ workspaceId: u.workspaceId, name: `Random ${i}`, searchText: `random ${i}` })))
      .returning({ id: contacts.id, name: contacts.name });
    const idOf = new Map(inserted.map((c) => [c.name, c.id]));
    const cases = Array.from({ length: LEDGERS }, (_, i) => ({ contactId: idOf.get(`Random ${i}`) ?? "", ledger: randomLedger(rand) }));

    // All but the last entry of each ledger go in at once; logging the last one then rewrites the
    // relationship's stats from all of them (6,000 logInteraction calls took ~26 s on PGlite).
    const bulk = cases.flatMap(({ contactId, ledger }) =>
      ledger.slice(0, -1).map((e) => ({ ...e, contactId, workspaceId: u.workspaceId, userId: u.user.id, summary: "random" })),
    );
    for (let i = 0; i < bulk.length; i += 1000) await db.insert(interactions).values(bulk.slice(i, i + 1000));
    for (const { contactId, ledger } of cases) {
      const last = ledger.at(-1);
      if (last) await log(u.scope, { ...last, contactId, summary: "random", details: null });
    }

    const nearHalf = (x: number) => Math.abs(x - Math.floor(x) - 0.5) < 1e-9;
    const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9;
    const mismatches: unknown[] = [];
    const seen = { giving: 0, balanced: 0, owing: 0, empty: 0, askStreak3: 0, skipped: 0, compared: 0 };
    for (const { contactId, ledger } of cases) {
      const ref = scoreRelationship(ledger, NOW);
      const strengthArg = 100 * (1 - Math.exp(-(ref.give + ref.take + ref.mutual) / 10));
      if (nearHalf(100 * (1 - Math.abs(ref.balance))) || nearHalf(strengthArg) || close(Math.abs(ref.balance), STATE_THRESHOLD)) {
        seen.skipped++;
        continue;
      }
      const expected = { ...ref, askStreak: askStreak(ledger), daysSince: daysSinceLastContact(ledger, NOW) };
      const got = await relationship(u.scope, contactId);
      const ok =
        close(got.give, ref.give) && close(got.take, ref.take) && close(got.mutual, ref.mutual) && close(got.balance, ref.balance) &&
        got.balanceScore === ref.balanceScore && got.state === ref.state && got.strength === ref.strength &&
        got.askStreak === expected.askStreak && (ledger.length === 0 ? got.lastAt === null : got.daysSince === expected.daysSince);
      if (!ok) mismatches.push({ ledger, expected, got });
      seen.compared++;
      seen[ref.state]++;
      if (ledger.length === 0) seen.empty++;
      if (expected.askStreak >= 3) seen.askStreak3++;
    }
    expect(mismatches.slice(0, 3)).toEqual([]);
    expect(seen.compared).toBeGreaterThanOrEqual(LEDGERS - 5);
    // The random ledgers reach every state, empty relationships and long ask streaks.
    for (const k of ["giving", "balanced", "owing", "empty", "askStreak3"] as const) expect(seen[k], k).toBeGreaterThan(10);
  }, 180_000);
});

describe("interactions", () => {
  it("logInteraction refuses another workspace's contact and writes nothing", async () => {
    const a = await makeScopedUser();
    const b = await makeScopedUser();
    const { id } = await createContact(db, a.scope, contactInput());

    expect(await logInteraction(db, b.scope, gave(id))).toBeUndefined();
    expect(await rowCount(interactions, id)).toBe(0);
    expect(await rowCount(relationshipStats, id)).toBe(0);
    expect(await getRelationship(db, b.scope, id, NOW)).toBeUndefined();
  });

  it("nobody else can update or delete a member's interaction", async () => {
    const team = await makeTeam();
    const stranger = await makeScopedUser();
    const { id: contactId } = await createContact(db, team.owner, contactInput());
    const id = await log(team.owner, gave(contactId, { weight: 4 }));
    const before = await relationship(team.owner, contactId);
    const edit = { direction: "received", kind: "ask", weight: 1, occurredAt: NOW, summary: "hijacked", details: null } as const;

    for (const scope of [team.member, stranger.scope, team.ownerElsewhere]) {
      expect(await updateInteraction(db, scope, id, edit)).toBe(false);
      expect(await deleteInteraction(db, scope, id)).toBe(false);
    }
    expect(await db.select({ weight: interactions.weight, summary: interactions.summary }).from(interactions).where(eq(interactions.id, id))).toEqual([
      { weight: 4, summary: "Helped out" },
    ]);
    expect(await relationship(team.owner, contactId)).toEqual(before);
    expect(before.give).toBeCloseTo(4 * 2 ** (-1 / 180), 9);
    // Scores are per member: the teammate's relationship with the contact is still empty.
    expect(await relationship(team.member, contactId)).toMatchObject(ZERO);
  });

  it("deleting the last interaction resets the relationship to zeros", async () => {
    const u = await makeScopedUser();
    const { id: contactId } = await createContact(db, u.scope, contactInput());
    const given = await log(u.scope, gave(contactId));
    const asked = await log(u.scope, gave(contactId, { direction: "received", kind: "ask", weight: 1, occurredAt: NOW }));

    expect(await deleteInteraction(db, u.scope, given)).toBe(true);
    expect(await relationship(u.scope, contactId)).toMatchObject({ give: 0, take: near(1), askStreak: 1, daysSince: 0 });
    expect(await deleteInteraction(db, u.scope, asked)).toBe(true);
    expect(await relationship(u.scope, contactId)).toMatchObject(ZERO);
    expect(await rowCount(relationshipStats, contactId)).toBe(0);
    expect(await deleteInteraction(db, u.scope, asked)).toBe(false);
  });

  it("updateInteraction moves the scores", async () => {
    const u = await makeScopedUser();
    const { id: contactId } = await createContact(db, u.scope, contactInput());
    const id = await log(u.scope, gave(contactId, { weight: 1, occurredAt: NOW }));
    // G = 1: b = 1/3 → giving, 67
    expect(await relationship(u.scope, contactId)).toMatchObject({ give: near(1), take: 0, balance: near(1 / 3), balanceScore: 67, state: "giving" });

    const referral = { direction: "received", kind: "referral", weight: 5, occurredAt: NOW, summary: "Got a referral", details: null } as const;
    expect(await updateInteraction(db, u.scope, id, referral)).toBe(true);
    // R = 5: b = −5/7 → owing, round(28.57) = 29
    expect(await relationship(u.scope, contactId)).toMatchObject({ give: 0, take: near(5), balance: near(-5 / 7), balanceScore: 29, state: "owing", askStreak: 0 });

    expect(await updateInteraction(db, u.scope, id, { ...referral, kind: "ask", weight: 1, occurredAt: daysAgo(180) })).toBe(true);
    expect(await relationship(u.scope, contactId)).toMatchObject({ take: near(0.5), askStreak: 1, daysSince: 180 });
  });
});

describe("promises", () => {
  const keep = { kind: "intro", weight: 3, occurredAt: daysAgo(2), summary: "Introduced them to Carol", details: null } as const;

  it("createPromise refuses another workspace's contact", async () => {
    const a = await makeScopedUser();
    const b = await makeScopedUser();
    const { id } = await createContact(db, a.scope, contactInput());
    expect(await createPromise(db, b.scope, { contactId: id, description: "sneaky", dueOn: null })).toBeUndefined();
    expect(await rowCount(promises, id)).toBe(0);
  });

  it("completing a promise logs the gave interaction and closes it, once, and only for its maker", async () => {
    const team = await makeTeam();
    const stranger = await makeScopedUser();
    const { id: contactId } = await createContact(db, team.owner, contactInput());
    const promise = await createPromise(db, team.owner, { contactId, description: "Intro to Carol", dueOn: "2026-03-10" });
    if (!promise) throw new Error("createPromise failed");

    for (const scope of [team.member, stranger.scope, team.ownerElsewhere]) {
      expect(await completePromise(db, scope, promise.id, keep)).toBeUndefined();
      expect(await cancelPromise(db, scope, promise.id)).toBe(false);
    }
    expect(await listOpenPromises(db, team.member, contactId)).toMatchObject([{ id: promise.id, mine: false, dueOn: "2026-03-10" }]);
    expect(await rowCount(interactions, contactId)).toBe(0);

    const done = await completePromise(db, team.owner, promise.id, keep);
    expect(done).toEqual({ interactionId: expect.any(String) });
    expect(await listInteractionsForContact(db, team.owner, contactId)).toMatchObject([
      { id: done?.interactionId, direction: "gave", kind: "intro", weight: 3, summary: keep.summary, mine: true },
    ]);
    expect(await listOpenPromises(db, team.owner, contactId)).toEqual([]);
    expect(await db.select({ status: promises.status, interactionId: promises.interactionId }).from(promises).where(eq(promises.id, promise.id))).toEqual([
      { status: "done", interactionId: done?.interactionId },
    ]);
    expect((await relationship(team.owner, contactId)).give).toBeCloseTo(3 * 2 ** (-2 / 180), 9);

    expect(await completePromise(db, team.owner, promise.id, keep)).toBeUndefined();
    expect(await cancelPromise(db, team.owner, promise.id)).toBe(false);
    expect(await rowCount(interactions, contactId)).toBe(1);
  });

  it("cancelling a promise closes it without an interaction", async () => {
    const u = await makeScopedUser();
    const { id: contactId } = await createContact(db, u.scope, contactInput());
    const promise = await createPromise(db, u.scope, { contactId, description: "Send the article", dueOn: null });
    if (!promise) throw new Error("createPromise failed");

    expect(await cancelPromise(db, u.scope, promise.id)).toBe(true);
    expect(await listOpenPromises(db, u.scope, contactId)).toEqual([]);
    expect(await db.select({ status: promises.status }).from(promises).where(eq(promises.id, promise.id))).toEqual([{ status: "cancelled" }]);
    expect(await completePromise(db, u.scope, promise.id, keep)).toBeUndefined();
    expect(await cancelPromise(db, u.scope, promise.id)).toBe(false);
    expect(await rowCount(interactions, contactId)).toBe(0);
    expect(await relationship(u.scope, contactId)).toMatchObject(ZERO);
  });
});

describe("getRelationship cadence", () => {
  it.each([
    [31, "going cold"],
    [30, "due soon"],
    [25, "due soon"],
    [24, "ok"],
  ] as const)("last contact %i days before now with a 30-day cadence → %s", async (days, cadence) => {
    const u = await makeScopedUser();
    const { id: contactId } = await createContact(db, u.scope, contactInput({ cadence: "30" }));
    await log(u.scope, gave(contactId, { occurredAt: daysAgo(days) }));
    await log(u.scope, gave(contactId, { occurredAt: daysAgo(days + 40) }));
    expect(await relationship(u.scope, contactId)).toMatchObject({ daysSince: days, cadence });
  });

  it("with no interactions, counts from when the contact was added", async () => {
    const u = await makeScopedUser();
    const { id: contactId } = await createContact(db, u.scope, contactInput({ cadence: "30" }));
    const [row] = await db.select({ createdAt: contacts.createdAt }).from(contacts).where(eq(contacts.id, contactId));
    const added = row?.createdAt.getTime() ?? NaN;
    // An hour past the whole day: created_at has microseconds, the Date read back only milliseconds.
    const after = async (days: number) => relationship(u.scope, contactId, new Date(added + days * DAY_MS + 3_600_000));

    expect(await after(31)).toMatchObject({ lastAt: null, daysSince: 31, cadence: "going cold" });
    expect(await after(25)).toMatchObject({ daysSince: 25, cadence: "due soon" });
    expect(await after(10)).toMatchObject({ daysSince: 10, cadence: "ok" });
  });

  it("no cadence is never due; a future-dated interaction is 0 days ago", async () => {
    const u = await makeScopedUser();
    const { id: contactId } = await createContact(db, u.scope, contactInput({ cadence: "none" }));
    await log(u.scope, gave(contactId, { occurredAt: daysAgo(1000) }));
    expect(await relationship(u.scope, contactId)).toMatchObject({ daysSince: 1000, cadence: "ok" });
    await log(u.scope, gave(contactId, { occurredAt: new Date(NOW.getTime() + 3_600_000) }));
    expect(await relationship(u.scope, contactId)).toMatchObject({ daysSince: 0, cadence: "ok" });
  });
});
