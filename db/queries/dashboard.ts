import "server-only";
import { inTenant } from "@/db/tenant";
import { and, asc, eq, isNull, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { contacts, interactions, memberFlows, promises, relationshipStats, users } from "@/db/schema";
import { todayIn } from "@/lib/dates";
import { ASK_COLLISION_DAYS, ASK_STREAK_WARNING, DAY_MS, STATE_THRESHOLD } from "@/lib/scoring";
import type { Scope } from "./contacts";
import { scoreSql } from "./scores";

/**
 * The dashboard's numbers, each one set-based SQL. What it costs at 50,000 contacts and
 * 2,000,000 interactions (a member with 19,000 relationships and 540,000 entries):
 * - relationshipOverview: one pass over the member's relationship_stats rows, read from a
 *   covering index and merge-joined to a covering index of the live contacts (no heap);
 * - memberFlow: the member_flows rollup (one row per member and day), not the interactions;
 * - listIntroIdeas: the closest relationships with needs / offers, found through partial
 *   indexes and ranked before any text is read;
 * - listTopAskCollisions: the workspace's recent asks from a covering partial index.
 * Indexes: migration 0007. See bench/dashboard.ts for the figures.
 */

const ACTION_LIST_SIZE = 5;
const json = <T>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);

export type GiveBackItem = { id: string; name: string; needs: string | null; balanceScore: number };
export type GoingColdItem = { id: string; name: string; daysSince: number; cadenceDays: number };
export type AskStreakItem = { id: string; name: string; askStreak: number };

export type Overview = {
  relationships: number;
  balanced: number;
  bothWays: number;
  buckets: [number, number][];
  giveBack: GiveBackItem[];
  goingCold: GoingColdItem[];
  askStreaks: AskStreakItem[];
};

/**
 * Everything the dashboard derives from the caller's live relationships, in one statement:
 * each relationship is scored once (the materialised CTE, narrow: ids and numbers only),
 * then the shares, the balance distribution and the give-back, going-cold and ask-streak
 * lists are read from it; names are looked up for the 15 listed rows only. With `tag`, only
 * relationships with contacts carrying that tag count (the dashboard's focus filter).
 */
export async function relationshipOverview(db: Db, scope: Scope, now = new Date(), tag?: string): Promise<Overview> {
  return inTenant(db, scope.workspaceId, async (db) => {
    const s = scoreSql(now);
    const t = STATE_THRESHOLD;
    // `from` is one of this query's own CTE names (sql.raw takes identifiers, never input).
    const named = (from: "owing" | "cold" | "streaks", fields: SQL, order: SQL) =>
      sql`(select coalesce(json_agg(json_build_object('id', l.id, 'name', c.name, ${fields}) order by ${order}), '[]')
            from ${sql.raw(from)} l join ${contacts} c on c.workspace_id = ${scope.workspaceId} and c.id = l.id)`;
    const [row] = await queryRows<Overview>(
      db,
      sql`with r as materialized (
            select ${relationshipStats.contactId} as id, ${s.balance} as balance,
              ${relationshipStats.giveSum} > 0 and ${relationshipStats.takeSum} > 0 as both_ways,
              ${relationshipStats.askStreak} as ask_streak, ${contacts.cadenceDays} as cadence_days, ${s.daysSince} as days_since
            from ${relationshipStats}
            join ${contacts} on ${contacts.workspaceId} = ${relationshipStats.workspaceId} and ${contacts.id} = ${relationshipStats.contactId}
            where ${relationshipStats.workspaceId} = ${scope.workspaceId} and ${relationshipStats.userId} = ${scope.userId}
              and ${contacts.archivedAt} is null ${tag ? sql`and ${contacts.tags} @> array[${tag}]::text[]` : sql``}
          ),
          owing as (select id, balance from r where balance <= ${-t} order by balance, id limit ${ACTION_LIST_SIZE}),
          cold as (
            select id, days_since, cadence_days from r where cadence_days is not null and days_since > cadence_days
            order by days_since - cadence_days desc, id limit ${ACTION_LIST_SIZE}
          ),
          streaks as (select id, ask_streak from r where ask_streak >= ${ASK_STREAK_WARNING} order by ask_streak desc, id limit ${ACTION_LIST_SIZE})
          select a.*,
            (select coalesce(json_agg(json_build_array(b, n)), '[]') from
              (select width_bucket(balance, -1, 1, 10) as b, count(*)::int as n from r group by 1) d) as "buckets",
            ${named("owing", sql`'needs', c.needs, 'balanceScore', floor(100 * (1 - abs(l.balance)) + 0.5)::int`, sql`l.balance, l.id`)} as "giveBack",
            ${named("cold", sql`'daysSince', l.days_since, 'cadenceDays', l.cadence_days`, sql`l.days_since - l.cadence_days desc, l.id`)} as "goingCold",
            ${named("streaks", sql`'askStreak', l.ask_streak`, sql`l.ask_streak desc, l.id`)} as "askStreaks"
          from (
            select count(*)::int as "relationships",
              -- 'balanced' exactly as scoreSql's state: neither >= +t (giving) nor <= −t (owing).
              (count(*) filter (where balance < ${t} and balance > ${-t}))::int as "balanced",
              (count(*) filter (where both_ways))::int as "bothWays"
            from r
          ) a`,
    );
    if (!row) throw new Error("relationshipOverview: no row");
    // PGlite and postgres.js both hand json back parsed; a driver that does not would give strings.
    return {
      ...row,
      buckets: json(row.buckets),
      giveBack: json(row.giveBack),
      goingCold: json(row.goingCold),
      askStreaks: json(row.askStreaks),
    };
  });
}

type Flow = { weight: number; count: number };
export type Week = { week: string; gave: number; received: number };
export type MemberFlowSummary = {
  gave: Flow;
  received: Flow;
  mutual: Flow;
  thisWeekGives: number;
  giveStreak: number;
  weeks: Week[];
};

/**
 * The member's last 90 days by direction, this week's gives, the give streak and the
 * 12-week flow, all from the member_flows rollup (about one row per day logged) in one
 * statement. Weeks run Monday to Monday in `timeZone`.
 */
export async function memberFlow(db: Db, scope: Scope, timeZone: string, now = new Date()): Promise<MemberFlowSummary> {
  return inTenant(db, scope.workspaceId, async (db) => {
    const since = new Date(now.getTime() - 90 * DAY_MS).toISOString();
    const thisWeek = mondayOf(now, timeZone);
    const first = shiftWeek(thisWeek, -11);
    const f = memberFlows;
    const [row] = await queryRows<{
      gc: number; gw: number; rc: number; rw: number; mc: number; mw: number; this_week: number; streak: number; weeks: Week[] | string;
    }>(
      db,
      sql`with f as (
            select ${f.occurredAt} as at, ${f.gaveCount} as gc, ${f.gaveWeight} as gw, ${f.receivedCount} as rc,
              ${f.receivedWeight} as rw, ${f.mutualCount} as mc, ${f.mutualWeight} as mw,
              date_trunc('week', ${f.occurredAt} at time zone ${timeZone})::date as week
            from ${f} where ${f.workspaceId} = ${scope.workspaceId} and ${f.userId} = ${scope.userId}
          ),
          w as (select week, sum(gc) as gc, sum(gw) as gw, sum(rw) as rw from f group by week),
          start as (
            select case when exists (select 1 from w where week = ${thisWeek}::date and gc > 0)
              then ${thisWeek}::date else ${thisWeek}::date - 7 end as week
          )
          select h.*,
            -- Weeks with a give, newest first: the streak is the run that ends at the start week.
            (select count(*)::int from (
                select w.week, row_number() over (order by w.week desc) as n from w, start where w.gc > 0 and w.week <= start.week
              ) g, start where g.week + ((g.n - 1) * 7)::int = start.week) as streak,
            (select coalesce(json_agg(json_build_object('week', to_char(week, 'YYYY-MM-DD'), 'gave', gw, 'received', rw)), '[]')
              from w where week >= ${first}::date) as weeks
          from (
            select coalesce(sum(gc), 0)::int as gc, coalesce(sum(gw), 0)::int as gw, coalesce(sum(rc), 0)::int as rc,
              coalesce(sum(rw), 0)::int as rw, coalesce(sum(mc), 0)::int as mc, coalesce(sum(mw), 0)::int as mw,
              coalesce(sum(gc) filter (where at >= (${thisWeek}::date)::timestamp at time zone ${timeZone}), 0)::int as this_week
            from f where at >= ${since}::timestamptz
          ) h`,
    );
    if (!row) throw new Error("memberFlow: no row");
    const byWeek = new Map(json(row.weeks).map((r) => [r.week, r]));
    return {
      gave: { count: Number(row.gc), weight: Number(row.gw) },
      received: { count: Number(row.rc), weight: Number(row.rw) },
      mutual: { count: Number(row.mc), weight: Number(row.mw) },
      thisWeekGives: Number(row.this_week),
      giveStreak: Number(row.streak),
      weeks: Array.from({ length: 12 }, (_, i) => {
        const week = shiftWeek(first, i);
        const r = byWeek.get(week);
        return { week, gave: Number(r?.gave ?? 0), received: Number(r?.received ?? 0) };
      }),
    };
  });
}

export type Headline = {
  gave: Flow;
  received: Flow;
  mutual: Flow;
  relationships: number;
  balancedShare: number | null;
  bothWaysShare: number | null;
  thisWeekGives: number;
  giveStreak: number;
};

function headlineOf(flow: MemberFlowSummary, shares: Overview): Headline {
  const share = (n: number) => (shares.relationships > 0 ? n / shares.relationships : null);
  return {
    gave: flow.gave,
    received: flow.received,
    mutual: flow.mutual,
    relationships: shares.relationships,
    balancedShare: share(shares.balanced),
    bothWaysShare: share(shares.bothWays),
    thisWeekGives: flow.thisWeekGives,
    giveStreak: flow.giveStreak,
  };
}

/** Gave vs. received over 90 days (weighted and counted), the shares, this week's gives and the give streak. */
export async function getHeadline(
  db: Db,
  scope: Scope,
  timeZone: string,
  now = new Date(),
  overview: Promise<Overview> = relationshipOverview(db, scope, now),
): Promise<Headline> {
  const [flow, shares] = await Promise.all([memberFlow(db, scope, timeZone, now), overview]);
  return headlineOf(flow, shares);
}

function mondayOf(now: Date, timeZone: string): string {
  const local = new Date(todayIn(timeZone, now) + "T00:00:00Z");
  const dow = (local.getUTCDay() + 6) % 7; // Monday = 0
  return new Date(local.getTime() - dow * DAY_MS).toISOString().slice(0, 10);
}
const shiftWeek = (week: string, by: number) => new Date(Date.parse(`${week}T00:00:00Z`) + by * 7 * DAY_MS).toISOString().slice(0, 10);

/** Gives and takes per week (weighted) over the last 12 weeks, oldest first, empty weeks included. */
export async function weeklyFlow(db: Db, scope: Scope, timeZone: string, now = new Date()): Promise<Week[]> {
  return inTenant(db, scope.workspaceId, async (db) => {
    return (await memberFlow(db, scope, timeZone, now)).weeks;
  });
}

export type Bucket = { from: number; to: number; count: number };

function bucketsOf(buckets: [number, number][]): Bucket[] {
  return Array.from({ length: 10 }, (_, i) => ({
    from: -1 + i * 0.2,
    to: -1 + (i + 1) * 0.2,
    count: buckets.find(([b]) => b === i + 1)?.[1] ?? 0,
  }));
}

/** How the caller's relationships spread from owing (−1) to giving (+1), in ten bands. */
export async function balanceDistribution(db: Db, scope: Scope, now = new Date(), overview?: Overview): Promise<Bucket[]> {
  return bucketsOf((overview ?? (await relationshipOverview(db, scope, now))).buckets);
}

/** Relationships where it is most time to give back, with what the person needs. */
export async function listGiveBack(db: Db, scope: Scope, now = new Date()) {
  return (await relationshipOverview(db, scope, now)).giveBack;
}

/** People the caller has been in touch with who are now past their cadence, longest overdue first. */
export async function listGoingCold(db: Db, scope: Scope, now = new Date()) {
  return (await relationshipOverview(db, scope, now)).goingCold;
}

export type PromiseDue = { id: string; contactId: string; name: string; description: string; dueOn: string | null };

/** The caller's open promises that are overdue or due within a week, soonest first (optionally: to contacts with `tag`). */
export async function listPromisesDue(db: Db, scope: Scope, today: string, tag?: string): Promise<PromiseDue[]> {
  return inTenant(db, scope.workspaceId, async (db) => {
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
          tag ? sql`${contacts.tags} @> array[${tag}]::text[]` : undefined,
        ),
      )
      .orderBy(asc(promises.dueOn), asc(promises.id))
      .limit(ACTION_LIST_SIZE);
  });
}

/** Relationships with ASK_STREAK_WARNING or more asks since the caller last gave. */
export async function listAskStreaks(db: Db, scope: Scope, now = new Date()) {
  return (await relationshipOverview(db, scope, now)).askStreaks;
}

/** How many of the caller's closest relationships intro ideas look at, on each side. */
export const INTRO_NEEDS_POOL = 50;
export const INTRO_OFFERS_POOL = 500;

export type IntroIdea = { needId: string; needName: string; needs: string; offerId: string; offerName: string; offers: string; shared: string[] };

/** Lower-case words of four letters or more, split on anything but a–z and 0–9. */
const wordsOf = (text: SQL) =>
  sql`(select distinct w from unnest(string_to_array(regexp_replace(lower(${text}), '[^a-z0-9]+', ' ', 'g'), ' ')) w where length(w) >= 4)`;

/**
 * Intro ideas: one contact's needs matched to another's offers by the words (and tags)
 * they share, strongest overlap first. Introductions are made between people you know,
 * so both sides come from the caller's strongest relationships; that also bounds the
 * word join at any workspace size. Words under four letters and filler words are ignored.
 */
export async function listIntroIdeas(db: Db, scope: Scope): Promise<IntroIdea[]> {
  return inTenant(db, scope.workspaceId, async (db) => {
    const closeness = sql`(${relationshipStats.giveSum} + ${relationshipStats.takeSum} + ${relationshipStats.mutualSum})`;
    // Ranked on ids and sums alone (index-only), then the winners' text is read.
    const pool = (side: "needs" | "offers", size: number) =>
      sql`select c.id, c.name, ${sql.raw(`c.${side}`)} as text, c.tags from (
            select ${relationshipStats.contactId} as id, ${closeness} as closeness from ${relationshipStats}
            join ${contacts} on ${contacts.workspaceId} = ${relationshipStats.workspaceId} and ${contacts.id} = ${relationshipStats.contactId}
            where ${relationshipStats.workspaceId} = ${scope.workspaceId} and ${relationshipStats.userId} = ${scope.userId}
              and ${contacts.archivedAt} is null and ${contacts[side]} is not null
            order by closeness desc, id limit ${size}
          ) top join ${contacts} c on c.workspace_id = ${scope.workspaceId} and c.id = top.id`;
    return queryRows<IntroIdea>(
      db,
      sql`with needers as materialized (${pool("needs", INTRO_NEEDS_POOL)}),
          offerers as materialized (${pool("offers", INTRO_OFFERS_POOL)}),
          need_words as (
            select n.id, w from needers n, lateral (${wordsOf(sql`n.text`)} union select lower(t) from unnest(n.tags) t) words
          ),
          offer_words as (select o.id, w from offerers o, lateral ${wordsOf(sql`o.text`)} words),
          pairs as (
            select n.id as need_id, o.id as offer_id, array_agg(distinct n.w) as shared, count(distinct n.w) as score
            from need_words n join offer_words o on o.w = n.w and o.id <> n.id
            where n.w not in (${sql.join(FILLER_WORDS.map((w) => sql`${w}`), sql`, `)})
            group by n.id, o.id
          )
          select p.need_id as "needId", nc.name as "needName", nc.text as needs, p.offer_id as "offerId", oc.name as "offerName", oc.text as offers, p.shared
          from pairs p
          join needers nc on nc.id = p.need_id
          join offerers oc on oc.id = p.offer_id
          order by p.score desc, nc.name, oc.name
          limit ${ACTION_LIST_SIZE}`,
    );
  });
}

const FILLER_WORDS = [
  "with", "from", "that", "this", "their", "they", "about", "looking", "help", "someone", "need", "needs",
  "into", "some", "more", "other", "what", "have", "will", "would", "could", "good", "great",
];

export type AskCollision = { contactId: string; name: string; askers: string[]; asks: number };

/**
 * The workspace's live contacts that two or more members asked something of within the last
 * ASK_COLLISION_DAYS, most asks first, at most `limit` (the dashboard shows a few; the
 * contact page uses listAskCollisions in team-scores.ts). Grouped on the covering partial
 * index of recent asks before any name is read.
 */
export async function listTopAskCollisions(db: Db, workspaceId: string, now = new Date(), limit = ACTION_LIST_SIZE): Promise<AskCollision[]> {
  return inTenant(db, workspaceId, async (db) => {
    const since = new Date(now.getTime() - ASK_COLLISION_DAYS * DAY_MS).toISOString();
    return queryRows<AskCollision>(
      db,
      sql`with per_member as (
            select ${interactions.contactId} as contact_id, ${interactions.userId} as user_id, count(*) as asks
            from ${interactions}
            where ${interactions.workspaceId} = ${workspaceId} and ${interactions.kind} = 'ask' and ${interactions.occurredAt} > ${since}::timestamptz
            group by 1, 2
          ),
          g as materialized (
            select contact_id, array_agg(user_id) as askers, sum(asks)::int as asks
            from per_member group by contact_id having count(*) >= 2
          )
          select g.contact_id as "contactId", c.name,
            (select array_agg(u.name order by u.name) from ${users} u where u.id = any(g.askers)) as askers, g.asks
          from g
          -- One probe per colliding contact (a few hundred), never a scan of every contact.
          cross join lateral (
            select c.name from ${contacts} c where c.workspace_id = ${workspaceId} and c.id = g.contact_id and c.archived_at is null offset 0
          ) c
          order by g.asks desc, c.name, g.contact_id
          limit ${limit}`,
    );
  });
}

export type FocusTag = { tag: string; contacts: number };

/** The tags the dashboard's focus filter offers: the commonest among the caller's live relationships. */
export async function listFocusTags(db: Db, scope: Scope, limit = 30): Promise<FocusTag[]> {
  return inTenant(db, scope.workspaceId, async (db) => {
    return queryRows<FocusTag>(
      db,
      sql`select t as tag, count(*)::int as contacts
          from ${relationshipStats}
          join ${contacts} on ${contacts.workspaceId} = ${relationshipStats.workspaceId} and ${contacts.id} = ${relationshipStats.contactId}
          cross join unnest(${contacts.tags}) t
          where ${relationshipStats.workspaceId} = ${scope.workspaceId} and ${relationshipStats.userId} = ${scope.userId} and ${contacts.archivedAt} is null
          group by t order by count(*) desc, t limit ${limit}`,
    );
  });
}

/** Does the workspace have any contacts yet? (The dashboard's first-run state.) */
export async function hasContacts(db: Db, workspaceId: string): Promise<boolean> {
  return inTenant(db, workspaceId, async (db) => {
    const [row] = await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.workspaceId, workspaceId)).limit(1);
    return Boolean(row);
  });
}

export type DashboardLists = {
  giveBack: GiveBackItem[];
  goingCold: GoingColdItem[];
  promisesDue: PromiseDue[];
  askStreaks: AskStreakItem[];
};

export type Dashboard = {
  headline: Headline;
  weeks: Week[];
  buckets: Bucket[];
  lists: DashboardLists;
  introIdeas: IntroIdea[];
  /** null in a personal workspace, where nobody else asks. */
  askCollisions: AskCollision[] | null;
};

type DashboardOptions = { timeZone: string; today: string; team: boolean; now?: Date };

/**
 * Everything the dashboard shows, its independent queries run side by side (each on its own
 * pool connection on PostgreSQL).
 */
export async function getDashboard(db: Db, scope: Scope, { timeZone, today, team, now = new Date() }: DashboardOptions): Promise<Dashboard> {
  const [overview, flow, promisesDue, introIdeas, askCollisions] = await Promise.all([
    relationshipOverview(db, scope, now),
    memberFlow(db, scope, timeZone, now),
    listPromisesDue(db, scope, today),
    listIntroIdeas(db, scope),
    team ? listTopAskCollisions(db, scope.workspaceId, now) : Promise.resolve(null),
  ]);
  return {
    headline: headlineOf(flow, overview),
    weeks: flow.weeks,
    buckets: bucketsOf(overview.buckets),
    lists: { giveBack: overview.giveBack, goingCold: overview.goingCold, promisesDue, askStreaks: overview.askStreaks },
    introIdeas,
    askCollisions,
  };
}

/** The action lists alone, narrowed to contacts with `tag` (the dashboard's focus filter). */
export async function getDashboardLists(db: Db, scope: Scope, { today, tag, now = new Date() }: { today: string; tag: string; now?: Date }): Promise<DashboardLists> {
  const [overview, promisesDue] = await Promise.all([relationshipOverview(db, scope, now, tag), listPromisesDue(db, scope, today, tag)]);
  return { giveBack: overview.giveBack, goingCold: overview.goingCold, promisesDue, askStreaks: overview.askStreaks };
}
