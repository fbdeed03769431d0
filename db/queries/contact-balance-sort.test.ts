import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import { contacts } from "@/db/schema";
import { makeTeam } from "@/lib/testing/factories";
import { scoreRelationship, type Direction } from "@/lib/scoring";
import { contactListQuerySchema } from "@/lib/validation/contacts";
import { CONTACT_PAGE_SIZE, listContacts, type Scope } from "./contacts";
import { logInteraction } from "./ledger";

/**
 * Sorted by balance, a page is ranked from the caller's own relationship_stats rows and, apart,
 * from the contacts with none (balance 0) — see balancePageIds. Walked page by page, the list
 * must still be every contact once, in (balance, id) order, whatever the filters: checked against
 * balances computed here from the entries with lib/scoring.
 */
let db: Db;
const now = new Date("2026-06-01T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
type Entry = { direction: Direction; weight: number; days: number };
type Row = { id: string; balance: number; archived: boolean; tagged: boolean };

let me: Scope;
let rows: Row[];

beforeAll(async () => {
  db = await getDb();
  const team = await makeTeam();
  me = team.owner;
  const total = 130;
  const inserted = await db
    .insert(contacts)
    .values(
      Array.from({ length: total }, (_, i) => ({
        workspaceId: team.workspaceId,
        createdBy: me.userId,
        name: `Person ${i}`,
        searchText: `person ${i}`,
        tags: i % 2 === 0 ? ["even"] : [],
      })),
    )
    .returning({ id: contacts.id, name: contacts.name });
  const log = (scope: Scope, contactId: string, e: Entry) =>
    logInteraction(db, scope, {
      contactId,
      direction: e.direction,
      kind: e.direction === "gave" ? "favor" : e.direction === "received" ? "referral" : "meeting",
      weight: e.weight,
      occurredAt: daysAgo(e.days),
      summary: "x",
      details: null,
    });

  rows = [];
  for (const [i, c] of inserted.entries()) {
    // Mine: none (balance 0, no stats row), giving, owing, even (a stats row at exactly 0), mixed.
    const patterns: Entry[][] = [
      [],
      [{ direction: "gave", weight: (i % 3) + 1, days: i % 50 }],
      [{ direction: "received", weight: (i % 4) + 1, days: i % 70 }],
      [{ direction: "gave", weight: 2, days: 3 }, { direction: "received", weight: 2, days: 3 }, { direction: "mutual", weight: 1, days: 9 }],
      [{ direction: "received", weight: 1, days: i }, { direction: "gave", weight: 3, days: 2 * i }],
    ];
    const mine = patterns[i % 5]!;
    for (const e of mine) await log(me, c.id, e);
    // A teammate's entries are theirs: they must not move my order.
    if (i % 5 === 0 && i % 10 === 0) await log(team.member, c.id, { direction: "received", weight: 5, days: 1 });
    rows.push({
      id: c.id,
      balance: scoreRelationship(mine.map((e) => ({ ...e, occurredAt: daysAgo(e.days) })), now).balance,
      archived: i % 13 === 0,
      tagged: i % 2 === 0,
    });
  }
  // Archive after logging: entries on archived contacts keep their stats rows.
  for (const r of rows.filter((r) => r.archived)) await db.update(contacts).set({ archivedAt: now }).where(eq(contacts.id, r.id));
});

const cmp = (x: Row, y: Row) => x.balance - y.balance || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);

async function walk(params: Record<string, string>): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await listContacts(db, me, contactListQuerySchema.parse({ ...params, sort: "balance", ...(cursor ? { cursor } : {}) }), now);
    pages.push(page.items.map((c) => c.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 10);
  return pages;
}

describe("listContacts sorted by balance", () => {
  it("walks every live contact once, most owing first, ties by id — stats rows and contacts without any interleaved", async () => {
    const expected = rows.filter((r) => !r.archived).toSorted(cmp).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(2 * CONTACT_PAGE_SIZE);
    const pages = await walk({});
    expect(pages.map((p) => p.length)).toEqual([CONTACT_PAGE_SIZE, CONTACT_PAGE_SIZE, expected.length - 2 * CONTACT_PAGE_SIZE]);
    expect(pages.flat()).toEqual(expected);
    // Exactly-zero balances (no entries, or as much given as received) are a long run of ties.
    expect(rows.filter((r) => !r.archived && r.balance === 0).length).toBeGreaterThan(CONTACT_PAGE_SIZE / 2);
  });

  it("keeps the order under filters: a tag, a balance state, the archive", async () => {
    const order = (keep: (r: Row) => boolean) => rows.filter(keep).toSorted(cmp).map((r) => r.id);
    expect((await walk({ tag: "even" })).flat()).toEqual(order((r) => !r.archived && r.tagged));
    expect((await walk({ state: "owing" })).flat()).toEqual(order((r) => !r.archived && r.balance <= -0.25));
    expect((await walk({ state: "giving" })).flat()).toEqual(order((r) => !r.archived && r.balance >= 0.25));
    expect((await walk({ state: "balanced" })).flat()).toEqual(order((r) => !r.archived && Math.abs(r.balance) < 0.25));
    expect((await walk({ archived: "1" })).flat()).toEqual(order((r) => r.archived));
  });
});
