import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import { activity, promises } from "@/db/schema";
import { assembleDigest, isEmptyDigest, loadDigest } from "@/lib/digest/content";
import { currentWeek, shiftWeek, weekWindow } from "@/lib/digest/week";
import { DAY_MS, STATE_THRESHOLD, scoreRelationship, type ScoredInteraction } from "@/lib/scoring";
import { contactInput, makeScopedUser, makeTeam } from "@/lib/testing/factories";
import { createContact, setContactArchived, type Scope } from "./contacts";
import {
  excerptOf,
  giveStreakAt,
  promisesDueAtWeekEnd,
  relationshipsAtWeekEnd,
  teamEvents,
  teamNews,
  weekNumbers,
} from "./digest";
import { completePromise, createPromise, logInteraction, type InteractionInput } from "./ledger";
import { createNote, setNoteVisibility } from "./notes";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});

// 2–8 March 2026 in New York; clocks go forward on Sunday 8 March, so the week is 167 hours:
// Monday 2 March 00:00 EST = 05:00Z to Monday 9 March 00:00 EDT = 04:00Z.
const TZ = "America/New_York";
const WEEK = "2026-W10";
const W = weekWindow(WEEK, TZ);
const END_DATE = "2026-03-09";
const at = (s: string) => new Date(s);
const inWeek = (days: number) => new Date(W.start.getTime() + days * DAY_MS);
const beforeEnd = (days: number) => new Date(W.end.getTime() - days * DAY_MS);

type Entry = Partial<Omit<InteractionInput, "contactId">>;
const GAVE = { direction: "gave", kind: "favor", weight: 3 } as const;
const RECEIVED = { direction: "received", kind: "favor", weight: 3 } as const;
const MUTUAL = { direction: "mutual", kind: "call", weight: 2 } as const;

async function log(scope: Scope, contactId: string, e: Entry) {
  const row = await logInteraction(db, scope, { contactId, ...GAVE, occurredAt: inWeek(1), summary: "entry", details: null, ...e });
  if (!row) throw new Error("log: contact not in scope");
}

async function contact(scope: Scope, name: string, entries: Entry[] = [], fields: Parameters<typeof contactInput>[0] = {}) {
  const { id } = await createContact(db, scope, contactInput({ name, ...fields }));
  for (const e of entries) await log(scope, id, e);
  return id;
}

describe("weekNumbers", () => {
  it("counts the member's week and the week before by direction, with Monday 00:00 local as the edge", async () => {
    const t = await makeTeam();
    const a = await contact(t.owner, "Numbers", [
      { ...GAVE, weight: 2, occurredAt: W.start }, // Monday 00:00 EST: this week
      { ...GAVE, weight: 5, occurredAt: at("2026-03-09T03:30:00Z") }, // Sunday 23:30 EDT: this week
      { ...GAVE, weight: 1, occurredAt: W.end }, // Monday 00:00 EDT: next week
      { ...RECEIVED, weight: 4, occurredAt: inWeek(3) },
      { ...MUTUAL, occurredAt: inWeek(2) },
      { ...GAVE, weight: 3, occurredAt: at("2026-03-02T04:59:00Z") }, // Sunday 23:59 EST: the week before
      { ...RECEIVED, weight: 1, occurredAt: W.previousStart },
      { ...RECEIVED, weight: 1, occurredAt: new Date(W.previousStart.getTime() - 1) }, // two weeks before
    ]);
    // A teammate's entries with the same contact, and the owner's elsewhere, are not the owner's here.
    await log(t.member, a, { ...GAVE, occurredAt: inWeek(1) });
    await contact(t.ownerElsewhere, "Elsewhere", [{ ...GAVE, occurredAt: inWeek(1) }]);

    expect(await weekNumbers(db, t.owner, W)).toEqual({
      gave: { week: { count: 2, weight: 7 }, previous: { count: 1, weight: 3 } },
      received: { week: { count: 1, weight: 4 }, previous: { count: 1, weight: 1 } },
      mutual: { week: { count: 1, weight: 2 }, previous: { count: 0, weight: 0 } },
    });
  });
});

describe("relationshipsAtWeekEnd", () => {
  it("gives back to the most owing relationships as they stood when the week ended, with their needs", async () => {
    const u = await makeScopedUser();
    const s = u.scope;
    const deep = await contact(s, "Deeply Owed", [{ ...RECEIVED, weight: 5, occurredAt: inWeek(1) }, { ...RECEIVED, weight: 5, occurredAt: inWeek(2) }], { needs: "A first hire" });
    const mild = await contact(s, "Mildly Owed", [{ ...RECEIVED, weight: 3, occurredAt: beforeEnd(40) }]);
    // Owed at the week's end, given back afterwards: still in that week's digest.
    const later = await contact(s, "Repaid Later", [{ ...RECEIVED, weight: 3, occurredAt: inWeek(1) }, { ...GAVE, weight: 5, occurredAt: new Date(W.end.getTime() + DAY_MS) }]);
    // Only owed after the week: not yet.
    await contact(s, "Owed Afterwards", [{ ...RECEIVED, weight: 5, occurredAt: new Date(W.end.getTime() + 2 * DAY_MS) }]);
    await contact(s, "Balanced", [{ ...RECEIVED, weight: 3, occurredAt: inWeek(1) }, { ...GAVE, weight: 3, occurredAt: inWeek(1) }]);
    await contact(s, "Giving", [{ ...GAVE, weight: 5, occurredAt: inWeek(1) }]);
    const archived = await contact(s, "Archived Owed", [{ ...RECEIVED, weight: 5, occurredAt: inWeek(1) }]);
    await setContactArchived(db, s.workspaceId, archived, true);

    const r = await relationshipsAtWeekEnd(db, s, W.end);
    expect(r.giveBack.map((g) => g.name)).toEqual(["Deeply Owed", "Repaid Later", "Mildly Owed"]);
    expect(r.owing).toBe(3);
    expect(r.giveBack[0]).toMatchObject({ id: deep, needs: "A first hire" });
    // The balance is lib/scoring's, computed from the entries before the week's end only.
    const reference = (entries: ScoredInteraction[]) => scoreRelationship(entries, W.end).balance;
    expect(r.giveBack.find((g) => g.id === later)!.balance).toBeCloseTo(reference([{ ...RECEIVED, occurredAt: inWeek(1) }]), 9);
    expect(r.giveBack.find((g) => g.id === mild)!.balance).toBeCloseTo(reference([{ ...RECEIVED, occurredAt: beforeEnd(40) }]), 9);
    for (const g of r.giveBack) expect(g.balance).toBeLessThanOrEqual(-STATE_THRESHOLD);
  });

  it("shows at most five and counts the rest", async () => {
    const u = await makeScopedUser();
    for (let i = 0; i < 7; i++) await contact(u.scope, `Owed ${i}`, [{ ...RECEIVED, weight: 1 + (i % 5), occurredAt: inWeek(1) }]);
    const r = await relationshipsAtWeekEnd(db, u.scope, W.end);
    expect(r.giveBack).toHaveLength(5);
    expect(r.owing).toBe(7);
  });

  it("going cold: past their cadence at the week's end, the most recently lapsed first", async () => {
    const u = await makeScopedUser();
    const s = u.scope;
    await contact(s, "Long Lapsed", [{ ...MUTUAL, occurredAt: beforeEnd(100) }], { cadence: "30" });
    await contact(s, "Just Lapsed", [{ ...MUTUAL, occurredAt: beforeEnd(32) }], { cadence: "30" });
    // Cold when the week ended, in touch since: still cold in that week's digest.
    const warmedLater = await contact(s, "Warmed Later", [{ ...MUTUAL, occurredAt: beforeEnd(61) }, { ...MUTUAL, occurredAt: new Date(W.end.getTime() + DAY_MS) }], { cadence: "60" });
    await contact(s, "Within Rhythm", [{ ...MUTUAL, occurredAt: beforeEnd(29) }], { cadence: "30" });
    await contact(s, "No Cadence", [{ ...MUTUAL, occurredAt: beforeEnd(400) }], { cadence: "none" });
    await contact(s, "Never In Touch", [], { cadence: "30" });

    const r = await relationshipsAtWeekEnd(db, s, W.end);
    expect(r.goingCold.map((c) => c.name)).toEqual(["Warmed Later", "Just Lapsed", "Long Lapsed"]);
    expect(r.cold).toBe(3);
    expect(r.goingCold.find((c) => c.id === warmedLater)).toMatchObject({ daysSince: 61, cadenceDays: 60 });
  });

  it("reads only the member's own relationships in the workspace", async () => {
    const t = await makeTeam();
    const c = await contact(t.member, "Teammate's Debt", [{ ...RECEIVED, weight: 5, occurredAt: inWeek(1) }], { cadence: "30" });
    await log(t.member, c, { ...MUTUAL, occurredAt: beforeEnd(90) });
    await contact(t.ownerElsewhere, "Owner's Elsewhere", [{ ...RECEIVED, weight: 5, occurredAt: beforeEnd(90) }], { cadence: "30" });
    expect(await relationshipsAtWeekEnd(db, t.owner, W.end)).toEqual({ giveBack: [], owing: 0, goingCold: [], cold: 0 });
  });
});

describe("promisesDueAtWeekEnd", () => {
  it("open when the week ended, overdue by then or due within the 7 days after, soonest first", async () => {
    const t = await makeTeam();
    const s = t.owner;
    const c = await contact(s, "Promised");
    const promise = async (description: string, dueOn: string | null, scope: Scope = s) => (await createPromise(db, scope, { contactId: c, description, dueOn }))!.id;
    await promise("Overdue intro", "2026-02-20");
    await promise("Due Sunday", "2026-03-08");
    await promise("Due next Sunday", "2026-03-15");
    await promise("Due in two weeks", "2026-03-16");
    await promise("Whenever", null);
    await promise("Teammate's promise", "2026-03-10", t.member);
    const keptLater = await promise("Kept after the week", "2026-03-05");
    await completePromise(db, s, keptLater, { kind: "intro", weight: 3, occurredAt: inWeek(1), summary: "Kept", details: null });
    const keptBefore = await promise("Kept within the week", "2026-03-06");
    await completePromise(db, s, keptBefore, { kind: "intro", weight: 3, occurredAt: inWeek(1), summary: "Kept", details: null });

    // Made today, long after the week: as of its end none of them existed yet.
    expect(await promisesDueAtWeekEnd(db, s, W.end, END_DATE)).toEqual({ items: [], total: 0 });

    // Made before the week; one kept within it, one kept (today) after it ended.
    await db.update(promises).set({ createdAt: at("2026-02-01T12:00:00Z") }).where(eq(promises.contactId, c));
    await db.update(promises).set({ closedAt: inWeek(4) }).where(eq(promises.id, keptBefore));
    const due = await promisesDueAtWeekEnd(db, s, W.end, END_DATE);
    expect(due.items.map((p) => p.description)).toEqual(["Overdue intro", "Kept after the week", "Due Sunday", "Due next Sunday"]);
    expect(due.total).toBe(4);
    expect(due.items[0]).toEqual({ id: expect.any(String), contactId: c, name: "Promised", description: "Overdue intro", dueOn: "2026-02-20" });
  });
});

describe("teamNews", () => {
  // Activity is stamped with the real clock: these tests look at the current week.
  const now = new Date();
  const thisWeek = weekWindow(currentWeek(now, TZ), TZ);

  it("teammates' shared notes and new contacts of the week — never a private note, never the member's own", async () => {
    const t = await makeTeam();
    const c = await contact(t.member, "Shared Person");
    await createNote(db, t.member, { contactId: c, body: "## Met at the *fair*\nShe is looking for a **co-founder** with climate experience.", visibility: "team" });
    await createNote(db, t.member, { contactId: c, body: "PRIVATE: my own thoughts", visibility: "private" });
    const madePrivate = (await createNote(db, t.member, { contactId: c, body: "Shared, then taken back", visibility: "team" }))!;
    await setNoteVisibility(db, t.member, madePrivate.id, "private");
    await createNote(db, t.owner, { contactId: c, body: "The owner's own team note", visibility: "team" });
    await contact(t.owner, "Owner's Own Contact");
    const old = await contact(t.member, "Added Last Week");
    await db
      .update(activity)
      .set({ createdAt: new Date(thisWeek.start.getTime() - 60_000) })
      .where(and(eq(activity.workspaceId, t.workspaceId), eq(activity.contactId, old), eq(activity.kind, "contact_added")));

    const news = await teamNews(db, t.owner, thisWeek);
    expect(news.notes).toEqual([
      { noteId: expect.any(String), contactId: c, contactName: "Shared Person", author: "Max Member", excerpt: "Met at the fair She is looking for a co-founder with climate experience." },
    ]);
    expect(news.noteCount).toBe(1);
    expect(news.contacts).toEqual([{ contactId: c, name: "Shared Person", addedBy: "Max Member" }]);
    expect(news.contactCount).toBe(1);
    const everything = JSON.stringify(news);
    for (const hidden of ["PRIVATE", "taken back", "owner's own", "Owner's Own", "Added Last Week"]) expect(everything).not.toContain(hidden);

    // For the member, it is the owner's doings that are news.
    const theirs = await teamNews(db, t.member, thisWeek);
    expect(theirs.notes.map((n) => n.excerpt)).toEqual(["The owner's own team note"]);
    expect(theirs.contacts.map((x) => x.name)).toEqual(["Owner's Own Contact"]);
  });

  it("names five of each and counts them all; another workspace's news stays there", async () => {
    const t = await makeTeam();
    for (let i = 0; i < 7; i++) await contact(t.member, `Newcomer ${i}`);
    await contact(t.ownerElsewhere, "Not This Team");
    const news = await teamNews(db, t.owner, thisWeek);
    expect(news.contacts).toHaveLength(5);
    expect(news.contactCount).toBe(7);
    expect(news.contacts.map((c) => c.name)).toEqual(["Newcomer 6", "Newcomer 5", "Newcomer 4", "Newcomer 3", "Newcomer 2"]);
    expect((await teamNews(db, t.ownerElsewhere, thisWeek)).contactCount).toBe(0);
  });

  it("one read of the team's week serves every member, and a note made private since never shows", async () => {
    const t = await makeTeam();
    const c = await contact(t.member, "Shared Twice");
    await createNote(db, t.member, { contactId: c, body: "Member's shared note", visibility: "team" });
    const second = (await createNote(db, t.member, { contactId: c, body: "Soon private again", visibility: "team" }))!;
    await createNote(db, t.owner, { contactId: c, body: "Owner's shared note", visibility: "team" });

    const events = await teamEvents(db, t.workspaceId, thisWeek);
    expect(events.map((e) => e.kind).sort()).toEqual(["contact_added", "note_shared", "note_shared", "note_shared"]);
    for (const scope of [t.owner, t.member]) expect(await teamNews(db, scope, thisWeek, events)).toEqual(await teamNews(db, scope, thisWeek));

    await setNoteVisibility(db, t.member, second.id, "private");
    const owner = await teamNews(db, t.owner, thisWeek, events); // the events were read before
    expect(owner.notes.map((n) => n.excerpt)).toEqual(["Member's shared note"]);
    expect(JSON.stringify(owner)).not.toContain("Soon private");
  });

  it("excerpts are plain text of bounded length", () => {
    expect(excerptOf("[a link](https://x.test) and `code`")).toBe("a link and code");
    const long = excerptOf("word ".repeat(100));
    expect(long.length).toBeLessThanOrEqual(161);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("giveStreakAt", () => {
  it("counts weeks in a row ending with the digest's week, in the member's time zone", async () => {
    const u = await makeScopedUser();
    const s = u.scope;
    const weeksBack = (n: number) => weekWindow(shiftWeek(WEEK, -n), TZ);
    await contact(s, "Streaky", [
      { ...GAVE, occurredAt: at("2026-03-09T03:30:00Z") }, // Sunday 23:30 EDT, in the week
      { ...GAVE, occurredAt: weeksBack(1).start },
      { ...GAVE, occurredAt: new Date(weeksBack(2).end.getTime() - 60_000) },
      { ...RECEIVED, occurredAt: inWeek(-22) }, // a take does not keep a streak
      { ...GAVE, occurredAt: weeksBack(4).start },
    ]);
    expect(await giveStreakAt(db, s, W.monday, TZ)).toBe(3);
    expect(await giveStreakAt(db, s, weeksBack(1).monday, TZ)).toBe(2);
    expect(await giveStreakAt(db, s, weeksBack(3).monday, TZ)).toBe(0);
    // In UTC the Sunday-night give falls into the next week: the digest week has none.
    expect(await giveStreakAt(db, s, W.monday, "UTC")).toBe(0);
  });
});

describe("loadDigest", () => {
  it("a member with nothing going on gets an empty digest", async () => {
    const u = await makeScopedUser();
    const digest = await loadDigest(db, { ...u.scope, timeZone: TZ }, WEEK);
    expect(isEmptyDigest(digest)).toBe(true);
    expect(digest).toMatchObject({ week: WEEK, range: "2–8 March 2026", endDate: END_DATE, numbers: null, giveBack: null, team: null, giveStreak: null });
  });

  it("brings the sections together, each only when it has something", async () => {
    const u = await makeScopedUser();
    const s = u.scope;
    await contact(s, "Needs Help", [{ ...RECEIVED, weight: 5, occurredAt: inWeek(2) }], { needs: "A designer for the climate app" });
    await contact(s, "Helps Out", [{ ...GAVE, weight: 3, occurredAt: inWeek(3) }], { offers: "Design work for climate startups" });
    const digest = await loadDigest(db, { ...s, timeZone: TZ }, WEEK);
    expect(isEmptyDigest(digest)).toBe(false);
    expect(digest.numbers?.gave.week).toEqual({ count: 1, weight: 3 });
    expect(digest.giveBack?.items.map((g) => g.name)).toEqual(["Needs Help"]);
    expect(digest.giveBack?.more).toBe(0);
    expect(digest.introIdeas?.[0]).toMatchObject({ needName: "Needs Help", offerName: "Helps Out" });
    expect(digest.giveStreak).toBe(1);
    expect(digest.goingCold).toBeNull();
    expect(digest.promisesDue).toBeNull();
    expect(digest.team).toBeNull();
  });

  it("assembleDigest shows the numbers when only the week before had some", () => {
    const zero = { count: 0, weight: 0 };
    const flows = { gave: { week: zero, previous: { count: 1, weight: 2 } }, received: { week: zero, previous: zero }, mutual: { week: zero, previous: zero } };
    const none = { giveBack: [], owing: 0, goingCold: [], cold: 0 };
    const team = { notes: [], noteCount: 0, contacts: [], contactCount: 0, imports: [], joined: ["Ada"] };
    const c = assembleDigest(WEEK, END_DATE, { numbers: flows, relationships: none, promises: { items: [], total: 0 }, introIdeas: [], team, giveStreak: 0 });
    expect(c.numbers).not.toBeNull();
    expect(c.team?.joined).toEqual(["Ada"]);
    expect(c.giveStreak).toBeNull();
  });
});
