import "server-only";
import { and, asc, eq, gte, isNull, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { contacts, interactions, promises, relationshipStats } from "@/db/schema";
import { ASK_STREAK_WARNING, DAY_MS } from "@/lib/scoring";
import type { Scope } from "./contacts";
import { scoreSql } from "./scores";

/** The dashboard's numbers, each one set-based SQL over the caller's relationships. */

type Overview = {
  relationships: number;
  balanced: number;
  bothWays: number;
  buckets: [number, number][];
  giveBack: { id: string; name: string; needs: string | null; balanceScore: number }[];
  goingCold: { id: string; name: string; daysSince: number; cadenceDays: number }[];
  askStreaks: { id: string; name: string; askStreak: number }[];
};

const ACTION_LIST_SIZE = 5;

/**
 * Everything the dashboard derives from the caller's relationships, in one statement:
 * each live relationship is scored once (the materialised CTE), then shares, the balance
 * distribution and the give-back, going-cold and ask-streak lists are read from that.
 */
export async function relationshipOverview(db: Db, scope: Scope, now = new Date()): Promise<Overview> {
  const s = scoreSql(now);
  const [row] = await queryRows<Overview>(
    db,
    sql`with r as materialized (
          select ${contacts.id} as id, ${contacts.name} as name, ${contacts.needs} as needs,
            ${contacts.cadenceDays} as cadence_days, ${relationshipStats.askStreak} as ask_streak,
            ${relationshipStats.giveSum} as give_sum, ${relationshipStats.takeSum} as take_sum,
            ${s.balance} as balance, ${s.balanceScore} as balance_score, ${s.state} as state,
            ${s.daysSince} as days_since, ${s.cadence} as cadence
          from ${relationshipStats}
          join ${contacts} on ${contacts.workspaceId} = ${relationshipStats.workspaceId} and ${contacts.id} = ${relationshipStats.contactId}
          where ${relationshipStats.workspaceId} = ${scope.workspaceId} and ${relationshipStats.userId} = ${scope.userId}
            and ${contacts.archivedAt} is null
        )
        select
          (select count(*) from r)::int as "relationships",
          (select count(*) from r where state = 'balanced')::int as "balanced",
          (select count(*) from r where give_sum > 0 and take_sum > 0)::int as "bothWays",
          (select coalesce(json_agg(json_build_array(b, n)), '[]') from
            (select width_bucket(balance, -1, 1, 10) as b, count(*)::int as n from r group by 1) d) as "buckets",
          (select coalesce(json_agg(json_build_object('id', id, 'name', name, 'needs', needs, 'balanceScore', balance_score) order by balance, id), '[]') from
            (select * from r where state = 'owing' order by balance, id limit ${ACTION_LIST_SIZE}) g) as "giveBack",
          (select coalesce(json_agg(json_build_object('id', id, 'name', name, 'daysSince', days_since, 'cadenceDays', cadence_days) order by days_since - cadence_days desc, id), '[]') from
            (select * from r where cadence_days is not null and cadence = 'going cold' order by days_since - cadence_days desc, id limit ${ACTION_LIST_SIZE}) g) as "goingCold",
          (select coalesce(json_agg(json_build_object('id', id, 'name', name, 'askStreak', ask_streak) order by ask_streak desc, id), '[]') from
            (select * from r where ask_streak >= ${ASK_STREAK_WARNING} order by ask_streak desc, id limit ${ACTION_LIST_SIZE}) g) as "askStreaks"`,
  );
  if (!row) throw new Error("relationshipOverview: no row");
  // PGlite and postgres.js both hand json back parsed; a driver that does not would give strings.
  const json = <T>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);
  return {
    ...row,
    buckets: json(row.buckets),
    giveBack: json(row.giveBack),
    goingCold: json(row.goingCold),
    askStreaks: json(row.askStreaks),
  };
}

export async function getHeadline(
  db: Db,
  scope: Scope,
  timeZone: string,
  now = new Date(),
  overview: Promise<Overview> = relationshipOverview(db, scope, now),
) {
  const since = new Date(now.getTime() - 90 * DAY_MS).toISOString();
  const thisWeek = mondayOf(now, timeZone);
  const [flows, shares, streak] = await Promise.all([
    // The week started less than 90 days ago, so one scan counts both.
    db
      .select({
        direction: interactions.direction,
        weight: sql<number>`coalesce(sum(${interactions.weight}), 0)::int`,
        count: sql<number>`count(*)::int`,
        thisWeek: sql<number>`(count(*) filter (where ${interactions.occurredAt} >= (${thisWeek}::date)::timestamp at time zone ${timeZone}))::int`,
      })
      .from(interactions)
      .where(and(eq(interactions.workspaceId, scope.workspaceId), eq(interactions.userId, scope.userId), gte(interactions.occurredAt, sql`${since}::timestamptz`)))
      .groupBy(interactions.direction),
    overview,
    giveStreak(db, scope, timeZone, now),
  ]);
  const flow = (d: "gave" | "received" | "mutual") => {
    const f = flows.find((x) => x.direction === d);
    return { weight: f?.weight ?? 0, count: f?.count ?? 0 };
  };
  const share = (n: number) => (shares.relationships > 0 ? n / shares.relationships : null);
  return {
    gave: flow("gave"),
    received: flow("received"),
    mutual: flow("mutual"),
    relationships: shares.relationships,
    balancedShare: share(shares.balanced),
    bothWaysShare: share(shares.bothWays),
    thisWeekGives: flows.find((x) => x.direction === "gave")?.thisWeek ?? 0,
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
export async function balanceDistribution(db: Db, scope: Scope, now = new Date(), overview?: Overview) {
  const { buckets } = overview ?? (await relationshipOverview(db, scope, now));
  return Array.from({ length: 10 }, (_, i) => ({
    from: -1 + i * 0.2,
    to: -1 + (i + 1) * 0.2,
    count: buckets.find(([b]) => b === i + 1)?.[1] ?? 0,
  }));
}

/** Relationships where it is most time to give back, with what the person needs. */
export async function listGiveBack(db: Db, scope: Scope, now = new Date()) {
  return (await relationshipOverview(db, scope, now)).giveBack;
}

/** People the caller has been in touch with who are now past their cadence, longest overdue first. */
export async function listGoingCold(db: Db, scope: Scope, now = new Date()) {
  return (await relationshipOverview(db, scope, now)).goingCold;
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
export async function listAskStreaks(db: Db, scope: Scope, now = new Date()) {
  return (await relationshipOverview(db, scope, now)).askStreaks;
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
