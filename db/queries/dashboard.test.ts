import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import { DAY_MS, askStreak, cadenceStatus, daysSinceLastContact, scoreRelationship, type Kind } from "@/lib/scoring";
import { memberships } from "@/db/schema";
import { contactInput, makeScopedUser, makeTeam } from "@/lib/testing/factories";
import { sql } from "drizzle-orm";
import { queryRows } from "@/db/client";
import { createContact, deleteContact, setContactArchived, type Scope } from "./contacts";
import {
  balanceDistribution, getDashboard, getDashboardLists, getHeadline, hasContacts, listAskStreaks, listFocusTags, listGiveBack, listGoingCold,
  listIntroIdeas, listPromisesDue, listTopAskCollisions, relationshipOverview, weeklyFlow,
} from "./dashboard";
import { cancelPromise, completePromise, createPromise, deleteInteraction, logInteraction, updateInteraction, type InteractionInput } from "./ledger";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});

// A Wednesday. In Berlin (CET, +01:00, no DST change within 12 weeks before it) the week
// began on Monday 2 March at 2026-03-01T23:00Z.
const NOW = new Date("2026-03-04T10:00:00Z");
const TODAY = "2026-03-04";
const TZ = "Europe/Berlin";
const daysAgo = (d: number) => new Date(NOW.getTime() - d * DAY_MS);
/** Sunday 23:30 and Monday 00:30 in Berlin, either side of the week's start (both still Sunday in UTC). */
const SUNDAY_NIGHT = new Date("2026-03-01T22:30:00Z");
const MONDAY_EARLY = new Date("2026-03-01T23:30:00Z");

type Fields = Partial<Omit<InteractionInput, "contactId">>;
const GAVE = { direction: "gave", kind: "favor" } as const;
const RECEIVED = { direction: "received", kind: "favor" } as const;
const ASK = { direction: "received", kind: "ask", weight: 1 } as const;
const MUTUAL = { direction: "mutual", kind: "call" } as const;

async function log(scope: Scope, contactId: string, fields: Fields) {
  const row = await logInteraction(db, scope, { contactId, ...GAVE, weight: 1, occurredAt: daysAgo(1), summary: "entry", details: null, ...fields });
  if (!row) throw new Error("log: contact not in scope");
}

/** A contact in the scope's workspace with the given interactions by that member; optionally archived afterwards. */
async function contact(scope: Scope, name: string, entries: Fields[] = [], fields: NonNullable<Parameters<typeof contactInput>[0]> & { archived?: boolean } = {}) {
  const { archived, ...input } = fields;
  const { id } = await createContact(db, scope, contactInput({ name, ...input }));
  for (const e of entries) await log(scope, id, e);
  if (archived) await setContactArchived(db, scope.workspaceId, id, true);
  return id;
}

describe("getHeadline", () => {
  it("counts the member's last 90 days by direction and shares over their live relationships", async () => {
    const t = await makeTeam();
    const a = await contact(t.owner, "A", [
      { ...GAVE, weight: 3, occurredAt: daysAgo(10) },
      { ...GAVE, weight: 3, occurredAt: daysAgo(100) }, // outside the 90 days, still in the scores
      { ...ASK, occurredAt: daysAgo(20) },
    ]); // giving, both ways
    await contact(t.owner, "B", [{ ...RECEIVED, weight: 5, occurredAt: daysAgo(30) }, { ...MUTUAL, weight: 2, occurredAt: daysAgo(5) }]); // owing
    await contact(t.owner, "C", [{ ...MUTUAL, weight: 1, occurredAt: daysAgo(40) }]); // balanced, one way (none)
    await contact(t.owner, "E", [{ ...GAVE, weight: 1, occurredAt: daysAgo(50) }, { ...RECEIVED, weight: 1, occurredAt: daysAgo(89) }]); // balanced, both ways
    // Archived: would be balanced and both ways, so it would move both shares to 3/5.
    await contact(t.owner, "D", [{ ...GAVE, occurredAt: daysAgo(120) }, { ...RECEIVED, occurredAt: daysAgo(125) }], { archived: true });
    // Other members and other workspaces: all this week, none of it the owner's here.
    await log(t.member, a, { ...GAVE, weight: 5, occurredAt: daysAgo(1) });
    await contact(t.ownerElsewhere, "Elsewhere", [{ ...GAVE, weight: 5, occurredAt: daysAgo(1) }, { ...GAVE, occurredAt: daysAgo(8) }]);

    expect(await getHeadline(db, t.owner, TZ, NOW)).toMatchObject({
      gave: { count: 2, weight: 4 },
      received: { count: 3, weight: 7 },
      mutual: { count: 2, weight: 3 },
      relationships: 4,
      balancedShare: 0.5,
      bothWaysShare: 0.5,
      thisWeekGives: 0,
      giveStreak: 0,
    });
  });

  it("is all zeros with null shares for a member with no interactions", async () => {
    const u = await makeScopedUser();
    await contact(u.scope, "Never Logged");
    const none = { count: 0, weight: 0 };
    expect(await getHeadline(db, u.scope, TZ, NOW)).toEqual({
      gave: none, received: none, mutual: none, relationships: 0, balancedShare: null, bothWaysShare: null, thisWeekGives: 0, giveStreak: 0,
    });
  });

  it("counts this week's gives from Monday 00:00 in the member's time zone", async () => {
    const u = await makeScopedUser();
    await contact(u.scope, "X", [
      { ...GAVE, occurredAt: new Date(MONDAY_EARLY.getTime() - 14 * DAY_MS) }, // 2 weeks ago in Berlin, 3 in UTC
      { ...GAVE, occurredAt: SUNDAY_NIGHT }, // last week in Berlin
      { ...GAVE, occurredAt: MONDAY_EARLY }, // this week in Berlin, last week in UTC
      { ...GAVE, occurredAt: new Date("2026-03-04T08:00:00Z") },
      { ...ASK, occurredAt: new Date("2026-03-03T08:00:00Z") },
    ]);
    expect(await getHeadline(db, u.scope, TZ, NOW)).toMatchObject({ thisWeekGives: 2, giveStreak: 3 });
    expect(await getHeadline(db, u.scope, "UTC", NOW)).toMatchObject({ thisWeekGives: 1, giveStreak: 2 });
  });

  // Weeks ago of each give, each on the Tuesday of its week at noon UTC.
  it.each([
    ["this week and the 2 before", [0, 1, 2, 2], 3, 1],
    ["the 2 weeks before, none yet this week", [1, 2], 2, 0],
    ["this week, then a gap, then 2 more", [0, 2, 3], 1, 1],
    ["only 2 and 3 weeks ago", [2, 3], 0, 0],
  ])("give streak with gives %s", async (_, weeksAgo, giveStreak, thisWeekGives) => {
    const u = await makeScopedUser();
    const tuesday = Date.parse("2026-03-03T12:00:00Z");
    await contact(u.scope, "Y", [...weeksAgo.map((w) => ({ ...GAVE, occurredAt: new Date(tuesday - w * 7 * DAY_MS) })), { ...ASK, occurredAt: daysAgo(7) }]);
    expect(await getHeadline(db, u.scope, TZ, NOW)).toMatchObject({ giveStreak, thisWeekGives });
  });
});

describe("weeklyFlow", () => {
  it("has 12 Monday-based weeks in the time zone, oldest first, weights by direction and zeros for empty weeks", async () => {
    const t = await makeTeam();
    await contact(t.owner, "Flow", [
      { ...GAVE, weight: 3, occurredAt: daysAgo(1) },
      { ...ASK, occurredAt: daysAgo(0.5) },
      { ...MUTUAL, weight: 2, occurredAt: daysAgo(1) }, // neither a give nor a take
      { ...RECEIVED, weight: 5, occurredAt: SUNDAY_NIGHT },
      { ...GAVE, weight: 2, occurredAt: new Date("2025-12-14T23:30:00Z") }, // Monday 15 Dec 00:30 in Berlin: the first week
      { ...GAVE, weight: 4, occurredAt: new Date("2025-12-14T22:30:00Z") }, // the Sunday before: too old
      { ...GAVE, weight: 1, occurredAt: daysAgo(22) },
      { ...RECEIVED, weight: 2, occurredAt: daysAgo(23) },
    ]);
    await contact(t.member, "Someone Else's", [{ ...GAVE, weight: 5, occurredAt: daysAgo(1) }]);

    const first = Date.parse("2025-12-15T00:00:00Z");
    const expected = Array.from({ length: 12 }, (_, i) => ({ week: new Date(first + i * 7 * DAY_MS).toISOString().slice(0, 10), gave: 0, received: 0 }));
    const set = (week: string, flow: { gave?: number; received?: number }) => Object.assign(expected.find((w) => w.week === week) ?? {}, flow);
    set("2025-12-15", { gave: 2 });
    set("2026-02-09", { gave: 1, received: 2 }); // Monday 9 and Tuesday 10 February
    set("2026-02-23", { received: 5 });
    set("2026-03-02", { gave: 3, received: 1 });
    expect(expected.at(-1)?.week).toBe("2026-03-02");
    expect(await weeklyFlow(db, t.owner, TZ, NOW)).toEqual(expected);
  });
});

describe("balanceDistribution", () => {
  it("puts each live relationship in its band of balance", async () => {
    const u = await makeScopedUser();
    const recent = daysAgo(1 / 1440);
    const five = (flow: typeof GAVE | typeof RECEIVED) => [{ ...flow, weight: 5, occurredAt: recent }, { ...flow, weight: 5, occurredAt: recent }];
    await contact(u.scope, "Giving", five(GAVE)); // 10/12 ≈ 0.83
    await contact(u.scope, "Owing", five(RECEIVED)); // ≈ −0.83
    await contact(u.scope, "Slightly Giving", [{ ...GAVE, weight: 1, occurredAt: recent }]); // 1/3
    await contact(u.scope, "Only Mutual", [{ ...MUTUAL, weight: 2, occurredAt: recent }]); // 0
    await contact(u.scope, "Even", [{ ...GAVE, occurredAt: recent }, { ...RECEIVED, occurredAt: recent }]); // 0
    await contact(u.scope, "Archived", five(RECEIVED), { archived: true });

    const bands = await balanceDistribution(db, u.scope, NOW);
    expect(bands.map((b) => b.count)).toEqual([1, 0, 0, 0, 0, 2, 1, 0, 0, 1]);
    expect(bands[0]).toEqual({ from: -1, to: expect.closeTo(-0.8, 9), count: 1 });
    expect(bands[9]).toEqual({ from: expect.closeTo(0.8, 9), to: expect.closeTo(1, 9), count: 1 });
  });
});

describe("listGiveBack", () => {
  it("lists only the member's owing relationships here, most owing first, with their needs", async () => {
    const t = await makeTeam();
    const most = await contact(t.owner, "Most Owing", [{ ...RECEIVED, weight: 5 }], { needs: "a designer" });
    await contact(t.owner, "Less Owing", [{ ...RECEIVED, weight: 2 }]);
    await contact(t.owner, "Least Owing", [{ ...RECEIVED, weight: 1 }]);
    await contact(t.owner, "Balanced", [{ ...RECEIVED }, { ...GAVE }]);
    await contact(t.owner, "Giving", [{ ...GAVE, weight: 5 }]);
    await contact(t.owner, "Archived", [{ ...RECEIVED, weight: 5 }], { archived: true });
    const members = await contact(t.member, "Member's", [{ ...RECEIVED, weight: 5 }]);
    await log(t.member, most, { ...GAVE, weight: 5 }); // the member's side of a shared contact
    await contact(t.ownerElsewhere, "Elsewhere", [{ ...RECEIVED, weight: 5 }]);

    const list = await listGiveBack(db, t.owner, NOW);
    expect(list.map((c) => c.name)).toEqual(["Most Owing", "Less Owing", "Least Owing"]);
    // b = −5δ/(5δ + 2) with δ = 2^(−1/180): −0.7135 → 29
    expect(list[0]).toEqual({ id: most, name: "Most Owing", needs: "a designer", balanceScore: 29 });
    expect(list[1]?.needs).toBeNull();
    expect(await listGiveBack(db, t.member, NOW)).toEqual([{ id: members, name: "Member's", needs: null, balanceScore: expect.any(Number) }]);
  });
});

describe("listGoingCold", () => {
  it("lists relationships past their cadence, longest overdue first", async () => {
    const u = await makeScopedUser();
    await contact(u.scope, "Overdue 15", [{ occurredAt: daysAgo(45) }, { occurredAt: daysAgo(300) }], { cadence: "30" });
    await contact(u.scope, "Overdue 40", [{ occurredAt: daysAgo(100) }], { cadence: "60" });
    await contact(u.scope, "Overdue 5", [{ ...MUTUAL, occurredAt: daysAgo(95) }]); // the default cadence, 90
    await contact(u.scope, "Recent Again", [{ occurredAt: daysAgo(200) }, { ...ASK, occurredAt: daysAgo(10) }], { cadence: "30" });
    await contact(u.scope, "Due Soon", [{ occurredAt: daysAgo(28) }], { cadence: "30" });
    await contact(u.scope, "No Cadence", [{ occurredAt: daysAgo(1000) }], { cadence: "none" });
    await contact(u.scope, "Archived", [{ occurredAt: daysAgo(400) }], { cadence: "30", archived: true });
    const other = await makeScopedUser();
    await contact(other.scope, "Someone Else's", [{ occurredAt: daysAgo(400) }], { cadence: "30" });

    expect(await listGoingCold(db, u.scope, NOW)).toEqual([
      { id: expect.any(String), name: "Overdue 40", daysSince: 100, cadenceDays: 60 },
      { id: expect.any(String), name: "Overdue 15", daysSince: 45, cadenceDays: 30 },
      { id: expect.any(String), name: "Overdue 5", daysSince: 95, cadenceDays: 90 },
    ]);
  });
});

describe("listPromisesDue", () => {
  it("lists the member's open promises overdue or due within 7 days, soonest first", async () => {
    const t = await makeTeam();
    const id = await contact(t.owner, "Promised");
    const archived = await contact(t.owner, "Archived");
    const promise = async (scope: Scope, contactId: string, description: string, dueOn: string | null) => {
      const p = await createPromise(db, scope, { contactId, description, dueOn });
      if (!p) throw new Error("createPromise failed");
      return p.id;
    };
    await promise(t.owner, id, "due in 7 days", "2026-03-11");
    await promise(t.owner, id, "due today", TODAY);
    await promise(t.owner, id, "overdue", "2026-02-20");
    await promise(t.owner, id, "due in 10 days", "2026-03-14");
    await promise(t.owner, id, "no due date", null);
    const done = await promise(t.owner, id, "done", "2026-03-01");
    const kept = await completePromise(db, t.owner, done, { kind: "intro", weight: 3, occurredAt: daysAgo(1), summary: "kept", details: null });
    expect(kept).toBeDefined();
    expect(await cancelPromise(db, t.owner, await promise(t.owner, id, "cancelled", "2026-03-02"))).toBe(true);
    await promise(t.owner, archived, "to an archived contact", "2026-03-03");
    await setContactArchived(db, t.workspaceId, archived, true);
    await promise(t.member, id, "the member's", "2026-03-05");
    await promise(t.ownerElsewhere, await contact(t.ownerElsewhere, "Elsewhere"), "elsewhere", "2026-03-05");

    const due = await listPromisesDue(db, t.owner, TODAY);
    expect(due.map((p) => [p.description, p.dueOn])).toEqual([
      ["overdue", "2026-02-20"],
      ["due today", TODAY],
      ["due in 7 days", "2026-03-11"],
    ]);
    expect(due[0]).toMatchObject({ contactId: id, name: "Promised" });
    expect((await listPromisesDue(db, t.member, TODAY)).map((p) => p.description)).toEqual(["the member's"]);
  });
});

describe("listAskStreaks", () => {
  it("lists 3 or more asks since the member last gave; a give clears it", async () => {
    const t = await makeTeam();
    const asks = (...days: number[]) => days.map((d) => ({ ...ASK, occurredAt: daysAgo(d) }));
    const three = await contact(t.owner, "Three Since Gave", [{ ...GAVE, occurredAt: daysAgo(30) }, ...asks(20, 10, 5)]);
    await contact(t.owner, "Four Never Gave", asks(40, 30, 20, 10));
    await contact(t.owner, "Cleared", [...asks(20, 10, 5), { ...GAVE, occurredAt: daysAgo(1) }]);
    await contact(t.owner, "Only Two", [{ ...GAVE, occurredAt: daysAgo(400) }, ...asks(2, 1)]);
    await contact(t.owner, "Archived", asks(5, 4, 3, 2, 1), { archived: true });
    await contact(t.member, "Member's", asks(5, 4, 3, 2, 1));
    await log(t.member, three, { ...ASK, occurredAt: daysAgo(3) }); // the member's asks are their own streak

    expect(await listAskStreaks(db, t.owner)).toEqual([
      { id: expect.any(String), name: "Four Never Gave", askStreak: 4 },
      { id: three, name: "Three Since Gave", askStreak: 3 },
    ]);
    await log(t.owner, three, { ...GAVE, occurredAt: daysAgo(1) });
    expect((await listAskStreaks(db, t.owner)).map((c) => c.name)).toEqual(["Four Never Gave"]);
    expect((await listAskStreaks(db, t.member)).map((c) => c.name)).toEqual(["Member's"]);
  });
});

describe("listIntroIdeas", () => {
  const KNOWN: Fields[] = [{ ...MUTUAL, occurredAt: daysAgo(3) }];

  it("matches needs to other contacts' offers by shared words, strongest first", async () => {
    const u = await makeScopedUser();
    const ann = await contact(u.scope, "Ann Author", KNOWN, { needs: "a publisher for the memoir" });
    const pat = await contact(u.scope, "Pat Publisher", KNOWN, { offers: "publisher introductions" });
    const nora = await contact(u.scope, "Nora Novelist", KNOWN, { needs: "an editor and publisher for a novel" });
    const ed = await contact(u.scope, "Ed Editor", KNOWN, { offers: "novel editor, freelance" });
    // Words under four letters and stopwords never match; nor does a contact with itself.
    await contact(u.scope, "Short Words", KNOWN, { needs: "art and law" });
    await contact(u.scope, "Short Offers", KNOWN, { offers: "art and law for you" });
    await contact(u.scope, "Stopwords Need", KNOWN, { needs: "someone looking for help with this" });
    await contact(u.scope, "Stopwords Offer", KNOWN, { offers: "help with this, looking into that" });
    await contact(u.scope, "Self", KNOWN, { needs: "gardening tips", offers: "gardening tips" });
    await contact(u.scope, "Archived Offer", KNOWN, { offers: "publisher deals", archived: true });
    await contact(u.scope, "Archived Need", KNOWN, { needs: "a publisher", archived: true });
    // Someone the member has never been in touch with is not in the pool.
    await contact(u.scope, "Stranger Offer", [], { offers: "publisher and editor" });
    const other = await makeScopedUser();
    await contact(other.scope, "Other Offer", KNOWN, { offers: "publisher deals, editor" });
    await contact(other.scope, "Other Need", KNOWN, { needs: "a publisher, an editor" });

    const pair = (needId: string, needName: string, offerId: string, offerName: string, shared: string[]) => ({
      needId, needName, needs: expect.any(String), offerId, offerName, offers: expect.any(String), shared,
    });
    const ideas = await listIntroIdeas(db, u.scope);
    expect(ideas).toEqual([
      pair(nora, "Nora Novelist", ed, "Ed Editor", ["editor", "novel"]),
      pair(ann, "Ann Author", pat, "Pat Publisher", ["publisher"]),
      pair(nora, "Nora Novelist", pat, "Pat Publisher", ["publisher"]),
    ]);
    expect(ideas[1]).toMatchObject({ needs: "a publisher for the memoir", offers: "publisher introductions" });
    expect((await listIntroIdeas(db, other.scope)).map((i) => [i.needName, i.offerName, i.shared])).toEqual([
      ["Other Need", "Other Offer", ["editor", "publisher"]],
    ]);
  });
});

describe("hasContacts", () => {
  it("is false for a new workspace and true once it has a contact", async () => {
    const u = await makeScopedUser();
    const other = await makeScopedUser();
    expect(await hasContacts(db, u.workspaceId)).toBe(false);
    await contact(u.scope, "First");
    expect(await hasContacts(db, u.workspaceId)).toBe(true);
    expect(await hasContacts(db, other.workspaceId)).toBe(false);
  });
});

describe("member_flows (the rollup the headline, weekly flow and streak read)", () => {
  /** The rollup's rows for a workspace, and the same sums computed from the interactions. */
  async function both(workspaceId: string) {
    const cols = sql`user_id, occurred_at, gave_count::int as gc, gave_weight::int as gw, received_count::int as rc, received_weight::int as rw, mutual_count::int as mc, mutual_weight::int as mw`;
    const stored = await queryRows(db, sql`select ${cols} from member_flows where workspace_id = ${workspaceId} order by user_id, occurred_at`);
    const derived = await queryRows(
      db,
      sql`select ${cols} from (
            select user_id, occurred_at,
              count(*) filter (where direction = 'gave') as gave_count, coalesce(sum(weight) filter (where direction = 'gave'), 0) as gave_weight,
              count(*) filter (where direction = 'received') as received_count, coalesce(sum(weight) filter (where direction = 'received'), 0) as received_weight,
              count(*) filter (where direction = 'mutual') as mutual_count, coalesce(sum(weight) filter (where direction = 'mutual'), 0) as mutual_weight
            from interactions where workspace_id = ${workspaceId} group by user_id, occurred_at) d
          order by user_id, occurred_at`,
    );
    return { stored, derived };
  }

  it("stays equal to the interactions through logs, edits, deletes, kept promises and a deleted contact", async () => {
    const t = await makeTeam();
    const a = await contact(t.owner, "A", [{ ...GAVE, weight: 3, occurredAt: daysAgo(2) }, { ...RECEIVED, weight: 2, occurredAt: daysAgo(2) }, { ...MUTUAL, occurredAt: daysAgo(9) }]);
    const b = await contact(t.owner, "B", [{ ...GAVE, weight: 1, occurredAt: daysAgo(2) }, { ...ASK, occurredAt: daysAgo(30) }]);
    await log(t.member, a, { ...GAVE, weight: 5, occurredAt: daysAgo(2) });
    let { stored, derived } = await both(t.workspaceId);
    expect(stored).toEqual(derived);
    // Day 2 for the owner: 2 gives (weights 3 + 1) and 1 take (2).
    expect(stored).toContainEqual(expect.objectContaining({ user_id: t.owner.userId, gc: 2, gw: 4, rc: 1, rw: 2, mc: 0, mw: 0 }));

    // An edit that moves an entry to another day, direction and weight; one that changes only the words.
    const [moved] = await queryRows<{ id: string }>(db, sql`select id from interactions where workspace_id = ${t.workspaceId} and contact_id = ${b} and kind = 'favor'`);
    if (!moved) throw new Error("no entry");
    expect(await updateInteraction(db, t.owner, moved.id, { direction: "received", kind: "advice", weight: 4, occurredAt: daysAgo(40), summary: "moved", details: null })).toBe(true);
    expect(await updateInteraction(db, t.owner, moved.id, { direction: "received", kind: "advice", weight: 4, occurredAt: daysAgo(40), summary: "reworded", details: null })).toBe(true);
    ({ stored, derived } = await both(t.workspaceId));
    expect(stored).toEqual(derived);

    // Deleting the last entry of a day removes the day's row; so does deleting a contact (a cascade).
    const [ask] = await queryRows<{ id: string }>(db, sql`select id from interactions where workspace_id = ${t.workspaceId} and contact_id = ${b} and kind = 'ask'`);
    if (!ask) throw new Error("no ask");
    expect(await deleteInteraction(db, t.owner, ask.id)).toBe(true);
    const p = await createPromise(db, t.owner, { contactId: a, description: "an intro", dueOn: null });
    if (!p) throw new Error("no promise");
    await completePromise(db, t.owner, p.id, { kind: "intro", weight: 3, occurredAt: daysAgo(1), summary: "kept", details: null });
    ({ stored, derived } = await both(t.workspaceId));
    expect(stored).toEqual(derived);
    expect(stored.some((r) => Number(r.gc) + Number(r.rc) + Number(r.mc) === 0)).toBe(false);

    expect(await deleteContact(db, t.workspaceId, a)).toBe(true);
    ({ stored, derived } = await both(t.workspaceId));
    expect(stored).toEqual(derived);
    expect(stored.map((r) => r.user_id)).not.toContain(t.member.userId);
  });
});

describe("against the reference in lib/scoring", () => {
  /** A small deterministic PRNG (mulberry32): the same ledgers on every run and both databases. */
  function rng(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }
  const SHAPES = [GAVE, RECEIVED, ASK, MUTUAL, { direction: "gave", kind: "intro" }, { direction: "received", kind: "referral" }] as const;

  it("overview, headline, weekly flow and streak equal what scoring each relationship in TypeScript gives", async () => {
    const t = await makeTeam();
    const r = rng(20260304);
    type Entry = Omit<InteractionInput, "contactId"> & { kind: Kind };
    const ledgers: { id: string; cadence: number | null; archived: boolean; entries: Entry[] }[] = [];
    for (let c = 0; c < 36; c++) {
      const cadence = [30, 60, 90, 180, null][Math.floor(r() * 5)] ?? null;
      const archived = r() < 0.1;
      const n = Math.floor(r() * 7); // some contacts have no entries at all
      const entries = Array.from({ length: n }, () => {
        const shape = SHAPES[Math.floor(r() * SHAPES.length)] ?? GAVE;
        // Whole days, as the app logs them: a fifth in the last week or two, the rest over ~10 months.
        const occurredAt = new Date(Date.parse("2026-03-04T00:00:00Z") - Math.floor(r() < 0.2 ? r() * 12 : r() * 300) * DAY_MS);
        return { ...shape, weight: 1 + Math.floor(r() * 5), occurredAt, summary: "entry", details: null } as Entry;
      });
      const id = await contact(t.owner, `Person ${String(c).padStart(2, "0")}`, entries, {
        cadence: cadence === null ? "none" : (String(cadence) as "30"),
        archived,
      });
      ledgers.push({ id, cadence, archived, entries });
    }
    // Noise the owner must not see: a teammate's entries on the same contacts, another workspace.
    for (const l of ledgers.slice(0, 10)) await log(t.member, l.id, { ...RECEIVED, weight: 5, occurredAt: daysAgo(2) });
    await contact(t.ownerElsewhere, "Elsewhere", [{ ...GAVE, weight: 5, occurredAt: daysAgo(2) }, { ...ASK }, { ...ASK }, { ...ASK }]);

    const live = ledgers.filter((l) => !l.archived && l.entries.length > 0).map((l) => {
      const score = scoreRelationship(l.entries, NOW);
      const daysSince = daysSinceLastContact(l.entries, NOW) ?? 0;
      return { ...l, score, daysSince, streak: askStreak(l.entries) };
    });
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
    const overview = await relationshipOverview(db, t.owner, NOW);
    // The ledgers exercise every list and band used below (guards against a degenerate seed).
    expect([live.length > 20, overview.giveBack.length, overview.goingCold.length, overview.balanced > 0]).toEqual([true, 5, 5, true]);
    expect(overview.relationships).toBe(live.length);
    expect(overview.balanced).toBe(live.filter((l) => l.score.state === "balanced").length);
    expect(overview.bothWays).toBe(live.filter((l) => l.score.give > 0 && l.score.take > 0).length);
    const bands = Array.from({ length: 10 }, (_, i) => live.filter((l) => Math.floor(10 * ((l.score.balance + 1) / 2)) + 1 === i + 1).length);
    expect((await balanceDistribution(db, t.owner, NOW, overview)).map((b) => b.count)).toEqual(bands);
    expect(overview.giveBack).toEqual(
      live.filter((l) => l.score.state === "owing").sort((a, b) => a.score.balance - b.score.balance || byId(a, b)).slice(0, 5)
        .map((l) => ({ id: l.id, name: expect.any(String), needs: null, balanceScore: l.score.balanceScore })),
    );
    expect(overview.goingCold).toEqual(
      live.filter((l) => cadenceStatus(l.daysSince, l.cadence) === "going cold")
        .sort((a, b) => b.daysSince - (b.cadence ?? 0) - (a.daysSince - (a.cadence ?? 0)) || byId(a, b)).slice(0, 5)
        .map((l) => ({ id: l.id, name: expect.any(String), daysSince: l.daysSince, cadenceDays: l.cadence })),
    );
    expect(overview.askStreaks).toEqual(
      live.filter((l) => l.streak >= 3).sort((a, b) => b.streak - a.streak || byId(a, b)).slice(0, 5)
        .map((l) => ({ id: l.id, name: expect.any(String), askStreak: l.streak })),
    );

    // Flows count every entry of the member, archived contacts' too, by date.
    const all = ledgers.flatMap((l) => l.entries);
    const since = NOW.getTime() - 90 * DAY_MS;
    const flow = (d: string) => {
      const xs = all.filter((e) => e.direction === d && e.occurredAt.getTime() >= since);
      return { count: xs.length, weight: xs.reduce((s, e) => s + e.weight, 0) };
    };
    const weekOf = (at: Date) => {
      const local = new Date(at.getTime() + 3_600_000); // Berlin in winter: UTC+1, no change in range
      const day = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
      return new Date(day - ((local.getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
    };
    const gaveWeeks = new Set(all.filter((e) => e.direction === "gave").map((e) => weekOf(e.occurredAt)));
    let start = weekOf(NOW);
    if (!gaveWeeks.has(start)) start = new Date(Date.parse(start) - 7 * DAY_MS).toISOString().slice(0, 10);
    let streak = 0;
    while (gaveWeeks.has(new Date(Date.parse(start) - streak * 7 * DAY_MS).toISOString().slice(0, 10))) streak++;
    const headline = await getHeadline(db, t.owner, TZ, NOW);
    expect(headline).toEqual({
      gave: flow("gave"), received: flow("received"), mutual: flow("mutual"),
      relationships: live.length,
      balancedShare: overview.balanced / live.length,
      bothWaysShare: overview.bothWays / live.length,
      thisWeekGives: all.filter((e) => e.direction === "gave" && weekOf(e.occurredAt) === weekOf(NOW)).length,
      giveStreak: streak,
    });
    const weeks = await weeklyFlow(db, t.owner, TZ, NOW);
    for (const w of weeks) {
      const inWeek = all.filter((e) => weekOf(e.occurredAt) === w.week);
      const sum = (d: string) => inWeek.filter((e) => e.direction === d).reduce((s, e) => s + e.weight, 0);
      expect(w).toEqual({ week: w.week, gave: sum("gave"), received: sum("received") });
    }

    // The page's one call gives the same as the parts.
    const dash = await getDashboard(db, t.owner, { timeZone: TZ, today: TODAY, team: true, now: NOW });
    expect(dash.headline).toEqual(headline);
    expect(dash.weeks).toEqual(weeks);
    expect(dash.lists.giveBack).toEqual(overview.giveBack);
    expect(dash.askCollisions).toEqual([]);
    expect((await getDashboard(db, t.ownerElsewhere, { timeZone: TZ, today: TODAY, team: false, now: NOW })).askCollisions).toBeNull();
  });
});

describe("listTopAskCollisions", () => {
  it("lists live contacts two or more members asked within 30 days, most asks first, at most the limit", async () => {
    const t = await makeTeam();
    const third = await makeScopedUser("Tess Third");
    await db.insert(memberships).values({ workspaceId: t.workspaceId, userId: third.user.id, role: "member" });
    const thirdScope = { workspaceId: t.workspaceId, userId: third.user.id };
    const both = await contact(t.owner, "Asked By Both", [{ ...ASK, occurredAt: daysAgo(3) }]);
    await log(t.member, both, { ...ASK, occurredAt: daysAgo(2) });
    const three = await contact(t.owner, "Asked By Three", [{ ...ASK, occurredAt: daysAgo(3) }, { ...ASK, occurredAt: daysAgo(4) }]);
    await log(t.member, three, { ...ASK, occurredAt: daysAgo(2) });
    await log(thirdScope, three, { ...ASK, occurredAt: daysAgo(1) });
    const one = await contact(t.owner, "Asked By One, Twice", [{ ...ASK, occurredAt: daysAgo(3) }, { ...ASK, occurredAt: daysAgo(4) }]);
    const old = await contact(t.owner, "Too Long Ago", [{ ...ASK, occurredAt: daysAgo(40) }]);
    await log(t.member, old, { ...ASK, occurredAt: daysAgo(31) });
    const notAsks = await contact(t.owner, "Favours, Not Asks", [{ ...RECEIVED, occurredAt: daysAgo(3) }]);
    await log(t.member, notAsks, { ...RECEIVED, occurredAt: daysAgo(3) });
    const archived = await contact(t.owner, "Archived", [{ ...ASK, occurredAt: daysAgo(3) }]);
    await log(t.member, archived, { ...ASK, occurredAt: daysAgo(3) });
    await setContactArchived(db, t.workspaceId, archived, true);
    expect(one).toBeTruthy();

    const list = await listTopAskCollisions(db, t.workspaceId, NOW);
    expect(list).toEqual([
      { contactId: three, name: "Asked By Three", askers: ["Max Member", "Olivia Owner", "Tess Third"], asks: 4 },
      { contactId: both, name: "Asked By Both", askers: ["Max Member", "Olivia Owner"], asks: 2 },
    ]);
    expect(await listTopAskCollisions(db, t.workspaceId, NOW, 1)).toHaveLength(1);
    expect(await listTopAskCollisions(db, (await makeScopedUser()).workspaceId, NOW)).toEqual([]);
  });
});

describe("the focus filter", () => {
  it("offers the member's commonest tags and narrows the lists to one", async () => {
    const u = await makeScopedUser();
    await contact(u.scope, "Owing Investor", [{ ...RECEIVED, weight: 5 }], { tags: "investor, climate" });
    await contact(u.scope, "Owing Friend", [{ ...RECEIVED, weight: 4 }], { tags: "friend" });
    await contact(u.scope, "Giving Investor", [{ ...GAVE, weight: 4 }], { tags: "investor" });
    await contact(u.scope, "Archived Investor", [{ ...RECEIVED, weight: 5 }], { tags: "investor", archived: true });
    await contact(u.scope, "Not Known Yet", [], { tags: "friend, friend2" });
    const p = await createPromise(db, u.scope, { contactId: await contact(u.scope, "Promised Investor", [{ ...MUTUAL }], { tags: "investor" }), description: "an intro", dueOn: TODAY });
    expect(p).toBeDefined();

    expect(await listFocusTags(db, u.scope)).toEqual([
      { tag: "investor", contacts: 3 },
      { tag: "climate", contacts: 1 },
      { tag: "friend", contacts: 1 },
    ]);
    const lists = await getDashboardLists(db, u.scope, { today: TODAY, tag: "investor", now: NOW });
    expect(lists.giveBack.map((c) => c.name)).toEqual(["Owing Investor"]);
    expect(lists.promisesDue.map((c) => c.name)).toEqual(["Promised Investor"]);
    expect((await getDashboardLists(db, u.scope, { today: TODAY, tag: "friend", now: NOW })).giveBack.map((c) => c.name)).toEqual(["Owing Friend"]);
    expect((await getDashboardLists(db, u.scope, { today: TODAY, tag: "nobody", now: NOW })).giveBack).toEqual([]);
  });
});
