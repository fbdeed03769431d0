import "server-only";
import { and, asc, desc, eq, gte, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { contacts, interactions, promises, relationshipStats } from "@/db/schema";
import { ASK_STREAK_WARNING, DAY_MS } from "@/lib/scoring";
import { statsOf, type Scope } from "./contacts";
import { scoreSql } from "./scores";

/** The dashboard's numbers, each one set-based SQL over the caller's relationships. */

export async function getHeadline(db: Db, scope: Scope, timeZone: string, now = new Date()) {
  const since = new Date(now.getTime() - 90 * DAY_MS).toISOString();
  const s = scoreSql(now);
  const [flows, shares, streak] = await Promise.all([
    db
      .select({
        direction: interactions.direction,
        weight: sql<number>`coalesce(sum(${interactions.weight}), 0)::int`,
        count: sql<number>`count(*)::int`,
      })
      .from(interactions)
      .where(and(eq(interactions.workspaceId, scope.workspaceId), eq(interactions.userId, scope.userId), gte(interactions.occurredAt, sql`${since}::timestamptz`)))
      .groupBy(interactions.direction),
    db
      .select({
        relationships: sql<number>`count(*)::int`,
        balanced: sql<number>`(count(*) filter (where ${s.state} = 'balanced'))::int`,
        bothWays: sql<number>`(count(*) filter (where ${relationshipStats.giveSum} > 0 and ${relationshipStats.takeSum} > 0))::int`,
      })
      .from(relationshipStats)
      .innerJoin(contacts, and(eq(contacts.workspaceId, relationshipStats.workspaceId), eq(contacts.id, relationshipStats.contactId)))
      .where(and(eq(relationshipStats.workspaceId, scope.workspaceId), eq(relationshipStats.userId, scope.userId), isNull(contacts.archivedAt))),
    giveStreak(db, scope, timeZone, now),
  ]);
  const flow = (d: "gave" | "received" | "mutual") => flows.find((f) => f.direction === d) ?? { weight: 0, count: 0 };
  const thisWeek = mondayOf(now, timeZone);
  const [share] = shares;
  const [thisWeekGives] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(interactions)
    .where(
      and(
        eq(interactions.workspaceId, scope.workspaceId),
        eq(interactions.userId, scope.userId),
        eq(interactions.direction, "gave"),
        sql`${interactions.occurredAt} >= (${thisWeek}::date)::timestamp at time zone ${timeZone}`,
      ),
    );
  return {
    gave: flow("gave"),
    received: flow("received"),
    mutual: flow("mutual"),
    relationships: share?.relationships ?? 0,
    balancedShare: share && share.relationships > 0 ? share.balanced / share.relationships : null,
    bothWaysShare: share && share.relationships > 0 ? share.bothWays / share.relationships : null,
    thisWeekGives: thisWeekGives?.n ?? 0,
    giveStreak: streak,
  };
}

/**
 * Weeks in a row (Monday to Monday where the user is) with at least one give, counting
 * back from this week — or from last week while this one has none yet. One index probe
 * per week, stopping at the first week without a give.
 */
async function giveStreak(db: Db, scope: Scope, timeZone: string, now: Date): Promise<number> {
  const monday = mondayOf(now, timeZone);
  const gaveIn = (week: SQL) =>
    sql`exists (select 1 from ${interactions} where ${interactions.workspaceId} = ${scope.workspaceId}
      and ${interactions.userId} = ${scope.userId} and ${interactions.direction} = 'gave'
      and ${interactions.occurredAt} >= (${week})::timestamp at time zone ${timeZone}
      and ${interactions.occurredAt} < (${week} + 7)::timestamp at time zone ${timeZone})`;
  const [row] = await queryRows<{ streak: number }>(
    db,
    sql`with recursive start as (
          select case when ${gaveIn(sql`${monday}::date`)} then ${monday}::date else ${monday}::date - 7 end as week
        ),
        s(week, n) as (
          select week, 0 from start
          union all
          select s.week - 7, s.n + 1 from s where ${gaveIn(sql`s.week`)} and s.n < 520
        )
        select max(n)::int as streak from s`,
  );
  return row?.streak ?? 0;
}

function mondayOf(now: Date, timeZone: string): string {
  const local = new Date(new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now) + "T00:00:00Z");
  const dow = (local.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(local.getTime() - dow * DAY_MS).toISOString().slice(0, 10);
}
const shiftWeek = (week: string, by: number) => new Date(Date.parse(`${week}T00:00:00Z`) + by * 7 * DAY_MS).toISOString().slice(0, 10);

/** Gives and takes per week (weighted) over the last 12 weeks, oldest first, empty weeks included. */
export async function weeklyFlow(db: Db, scope: Scope, timeZone: string, now = new Date()) {
  const first = shiftWeek(mondayOf(now, timeZone), -11);
  const rows = await queryRows<{ week: string; gave: number; received: number }>(
    db,
    sql`select to_char(date_trunc('week', ${interactions.occurredAt} at time zone ${timeZone}), 'YYYY-MM-DD') as week,
          coalesce(sum(${interactions.weight}) filter (where ${interactions.direction} = 'gave'), 0)::int as gave,
          coalesce(sum(${interactions.weight}) filter (where ${interactions.direction} = 'received'), 0)::int as received
        from ${interactions}
        where ${interactions.workspaceId} = ${scope.workspaceId} and ${interactions.userId} = ${scope.userId}
          and ${interactions.direction} in ('gave', 'received')
          and ${interactions.occurredAt} >= ${first}::timestamp at time zone ${timeZone}
        group by 1`,
  );
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  return Array.from({ length: 12 }, (_, i) => {
    const week = shiftWeek(first, i);
    const r = byWeek.get(week);
    return { week, gave: Number(r?.gave ?? 0), received: Number(r?.received ?? 0) };
  });
}

/** How the caller's relationships spread from owing (−1) to giving (+1), in ten bands. */
export async function balanceDistribution(db: Db, scope: Scope, now = new Date()) {
  const s = scoreSql(now);
  const rows = await db
    .select({ bucket: sql<number>`width_bucket(${s.balance}, -1, 1, 10)::int`, n: sql<number>`count(*)::int` })
    .from(relationshipStats)
    .innerJoin(contacts, and(eq(contacts.workspaceId, relationshipStats.workspaceId), eq(contacts.id, relationshipStats.contactId)))
    .where(and(eq(relationshipStats.workspaceId, scope.workspaceId), eq(relationshipStats.userId, scope.userId), isNull(contacts.archivedAt)))
    .groupBy(sql`1`);
  return Array.from({ length: 10 }, (_, i) => ({
    from: -1 + i * 0.2,
    to: -1 + (i + 1) * 0.2,
    count: rows.find((r) => r.bucket === i + 1)?.n ?? 0,
  }));
}

const ACTION_LIST_SIZE = 5;

/** Relationships where it is most time to give back, with what the person needs. */
export async function listGiveBack(db: Db, scope: Scope, now = new Date()) {
  const s = scoreSql(now);
  return db
    .select({ id: contacts.id, name: contacts.name, needs: contacts.needs, balanceScore: s.balanceScore })
    .from(relationshipStats)
    .innerJoin(contacts, and(eq(contacts.workspaceId, relationshipStats.workspaceId), eq(contacts.id, relationshipStats.contactId)))
    .where(and(eq(relationshipStats.workspaceId, scope.workspaceId), eq(relationshipStats.userId, scope.userId), isNull(contacts.archivedAt), sql`${s.state} = 'owing'`))
    .orderBy(asc(s.balance), asc(contacts.id))
    .limit(ACTION_LIST_SIZE);
}

/** People the caller has been in touch with who are now past their cadence, longest overdue first. */
export async function listGoingCold(db: Db, scope: Scope, now = new Date()) {
  const s = scoreSql(now);
  const overdue = sql<number>`(${s.daysSince} - ${contacts.cadenceDays})`;
  return db
    .select({ id: contacts.id, name: contacts.name, daysSince: s.daysSince, cadenceDays: contacts.cadenceDays })
    .from(relationshipStats)
    .innerJoin(contacts, and(eq(contacts.workspaceId, relationshipStats.workspaceId), eq(contacts.id, relationshipStats.contactId)))
    .where(
      and(
        eq(relationshipStats.workspaceId, scope.workspaceId),
        eq(relationshipStats.userId, scope.userId),
        isNull(contacts.archivedAt),
        isNotNull(contacts.cadenceDays),
        sql`${s.cadence} = 'going cold'`,
      ),
    )
    .orderBy(desc(overdue), asc(contacts.id))
    .limit(ACTION_LIST_SIZE);
}

/** The caller's open promises that are overdue or due within a week, soonest first. */
export async function listPromisesDue(db: Db, scope: Scope, today: string) {
  return db
    .select({ id: promises.id, contactId: contacts.id, name: contacts.name, description: promises.description, dueOn: promises.dueOn })
    .from(promises)
    .innerJoin(contacts, and(eq(contacts.workspaceId, promises.workspaceId), eq(contacts.id, promises.contactId)))
    .where(
      and(
        eq(promises.workspaceId, scope.workspaceId),
        eq(promises.userId, scope.userId),
        eq(promises.status, "open"),
        isNull(contacts.archivedAt),
        sql`${promises.dueOn} <= ${today}::date + 7`,
      ),
    )
    .orderBy(asc(promises.dueOn))
    .limit(ACTION_LIST_SIZE);
}

/** Relationships with ASK_STREAK_WARNING or more asks since the caller last gave. */
export async function listAskStreaks(db: Db, scope: Scope) {
  return db
    .select({ id: contacts.id, name: contacts.name, askStreak: relationshipStats.askStreak })
    .from(contacts)
    .innerJoin(relationshipStats, statsOf(scope.userId))
    .where(and(eq(contacts.workspaceId, scope.workspaceId), isNull(contacts.archivedAt), gte(relationshipStats.askStreak, ASK_STREAK_WARNING)))
    .orderBy(desc(relationshipStats.askStreak), asc(contacts.id))
    .limit(ACTION_LIST_SIZE);
}

/** How many of the caller's closest relationships intro ideas look at, on each side. */
export const INTRO_NEEDS_POOL = 50;
export const INTRO_OFFERS_POOL = 500;

/**
 * Intro ideas: one contact's needs matched to another's offers by the words (and tags)
 * they share, strongest overlap first. Introductions are made between people you know,
 * so both sides come from the caller's strongest relationships; that also bounds the
 * word join at any workspace size. Words under four letters and filler words are ignored.
 */
export async function listIntroIdeas(db: Db, scope: Scope) {
  const closeness = sql`(${relationshipStats.giveSum} + ${relationshipStats.takeSum} + ${relationshipStats.mutualSum})`;
  const pool = (column: SQL, size: number) =>
    sql`select ${contacts.id} as id, ${column} as text, ${contacts.tags} as tags from ${relationshipStats}
        join ${contacts} on ${contacts.workspaceId} = ${relationshipStats.workspaceId} and ${contacts.id} = ${relationshipStats.contactId}
        where ${relationshipStats.workspaceId} = ${scope.workspaceId} and ${relationshipStats.userId} = ${scope.userId}
          and ${contacts.archivedAt} is null and ${column} is not null
        order by ${closeness} desc limit ${size}`;
  return queryRows<{ needId: string; needName: string; needs: string; offerId: string; offerName: string; offers: string; shared: string[] }>(
    db,
    sql`with needers as (${pool(sql`${contacts.needs}`, INTRO_NEEDS_POOL)}),
        offerers as (${pool(sql`${contacts.offers}`, INTRO_OFFERS_POOL)}),
        need_words as (
          select n.id, w from needers n,
            lateral (select w from regexp_split_to_table(lower(n.text), '[^a-z0-9]+') w where length(w) >= 4
                     union select lower(t) from unnest(n.tags) t) words
        ),
        offer_words as (
          select distinct o.id, w from offerers o, regexp_split_to_table(lower(o.text), '[^a-z0-9]+') w where length(w) >= 4
        ),
        pairs as (
          select n.id as need_id, o.id as offer_id, array_agg(distinct n.w) as shared, count(distinct n.w) as score
          from need_words n join offer_words o on o.w = n.w and o.id <> n.id
          where n.w not in (${sql.join(FILLER_WORDS.map((w) => sql`${w}`), sql`, `)})
          group by n.id, o.id
        )
        select p.need_id as "needId", nc.name as "needName", nc.needs, p.offer_id as "offerId", oc.name as "offerName", oc.offers, p.shared
        from pairs p
        join ${contacts} nc on nc.workspace_id = ${scope.workspaceId} and nc.id = p.need_id
        join ${contacts} oc on oc.workspace_id = ${scope.workspaceId} and oc.id = p.offer_id
        order by p.score desc, nc.name, oc.name
        limit ${ACTION_LIST_SIZE}`,
  );
}

const FILLER_WORDS = [
  "with", "from", "that", "this", "their", "they", "about", "looking", "help", "someone", "need", "needs",
  "into", "some", "more", "other", "what", "have", "will", "would", "could", "good", "great",
];

/** Does the workspace have any contacts yet? (The dashboard's first-run state.) */
export async function hasContacts(db: Db, workspaceId: string): Promise<boolean> {
  const [row] = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.workspaceId, workspaceId)).limit(1);
  return Boolean(row);
}
