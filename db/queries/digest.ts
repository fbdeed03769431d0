import "server-only";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { activity, contacts, interactions, notes, promises, relationshipStats, users } from "@/db/schema";
import { BALANCE_PRIOR, DAY_MS, STATE_THRESHOLD, decayFactor, type Direction } from "@/lib/scoring";
import type { Scope } from "./contacts";
import { epochPower } from "./scores";

/**
 * The digest's sections for one member and one week, each a few indexed statements over
 * that member's rows (never a query per contact). Every section is read "as of" the end
 * of the week, so an earlier week shows what that week looked like, not today's state.
 */

/** How many people each list shows; the rest are counted. */
export const DIGEST_LIST_SIZE = 5;
/** How many of each kind of teammates' news the team section names. */
export const DIGEST_TEAM_ITEMS = 5;

export type Window = { start: Date; end: Date; previousStart: Date };

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
// PGlite hands json back parsed, postgres.js too; a driver that did not would give strings.
const json = <T>(v: T | string): T => (typeof v === "string" ? (JSON.parse(v) as T) : v);

export type Flow = { count: number; weight: number };
export type WeekNumbers = Record<Direction, { week: Flow; previous: Flow }>;

/** Gives, takes and mutual moments of the week and of the week before (count and weight). */
export async function weekNumbers(db: Db, scope: Scope, w: Window): Promise<WeekNumbers> {
  const rows = await queryRows<{ direction: Direction; count: number; weight: number; prevCount: number; prevWeight: number }>(
    db,
    sql`select ${interactions.direction} as direction,
          (count(*) filter (where ${interactions.occurredAt} >= ${ts(w.start)}))::int as count,
          coalesce(sum(${interactions.weight}) filter (where ${interactions.occurredAt} >= ${ts(w.start)}), 0)::int as weight,
          (count(*) filter (where ${interactions.occurredAt} < ${ts(w.start)}))::int as "prevCount",
          coalesce(sum(${interactions.weight}) filter (where ${interactions.occurredAt} < ${ts(w.start)}), 0)::int as "prevWeight"
        from ${interactions}
        where ${interactions.workspaceId} = ${scope.workspaceId} and ${interactions.userId} = ${scope.userId}
          and ${interactions.occurredAt} >= ${ts(w.previousStart)} and ${interactions.occurredAt} < ${ts(w.end)}
        group by 1`,
  );
  const of = (d: Direction) => {
    const r = rows.find((x) => x.direction === d);
    return {
      week: { count: Number(r?.count ?? 0), weight: Number(r?.weight ?? 0) },
      previous: { count: Number(r?.prevCount ?? 0), weight: Number(r?.prevWeight ?? 0) },
    };
  };
  return { gave: of("gave"), received: of("received"), mutual: of("mutual") };
}

export type GiveBackItem = { id: string; name: string; needs: string | null; balance: number };
export type GoingColdItem = { id: string; name: string; daysSince: number; cadenceDays: number };
export type RelationshipLists = { giveBack: GiveBackItem[]; owing: number; goingCold: GoingColdItem[]; cold: number };

/**
 * Give back (most owing first) and going cold (the most recently past their cadence first:
 * the ones still easy to warm up) as of `end`. relationship_stats holds today's sums; the
 * member's interactions since `end` (none, for a digest sent right after its week) are
 * subtracted per contact, and their last contact before `end` looked up by index only for
 * the contacts touched since. One statement, over the member's relationships only.
 */
export async function relationshipsAtWeekEnd(db: Db, scope: Scope, end: Date): Promise<RelationshipLists> {
  const p = epochPower(sql`${interactions.occurredAt}`);
  const f = sql`${decayFactor(end)}::float8`;
  const [row] = await queryRows<RelationshipLists>(
    db,
    sql`with later as (
          select ${interactions.contactId} as contact_id,
            coalesce(sum(${interactions.weight} * ${p}) filter (where ${interactions.direction} = 'gave'), 0) as g,
            coalesce(sum(${interactions.weight} * ${p}) filter (where ${interactions.direction} = 'received'), 0) as r
          from ${interactions}
          where ${interactions.workspaceId} = ${scope.workspaceId} and ${interactions.userId} = ${scope.userId}
            and ${interactions.occurredAt} >= ${ts(end)}
          group by 1
        ),
        r as materialized (
          select c.id, c.name, c.needs, c.cadence_days,
            greatest(0, ${relationshipStats.giveSum} - coalesce(l.g, 0)) * ${f} as give,
            greatest(0, ${relationshipStats.takeSum} - coalesce(l.r, 0)) * ${f} as take,
            case when l.contact_id is null then ${relationshipStats.lastAt}
              else (select max(i.occurred_at) from ${interactions} i
                    where i.workspace_id = ${scope.workspaceId} and i.user_id = ${scope.userId}
                      and i.contact_id = ${relationshipStats.contactId} and i.occurred_at < ${ts(end)}) end as last_at
          from ${relationshipStats}
          join ${contacts} c on c.workspace_id = ${relationshipStats.workspaceId} and c.id = ${relationshipStats.contactId}
          left join later l on l.contact_id = ${relationshipStats.contactId}
          where ${relationshipStats.workspaceId} = ${scope.workspaceId} and ${relationshipStats.userId} = ${scope.userId}
            and c.archived_at is null
        ),
        scored as (
          select id, name, needs, cadence_days, (give - take) / (give + take + ${BALANCE_PRIOR}::float8) as balance,
            floor(extract(epoch from (${ts(end)} - last_at)) / ${DAY_MS / 1000})::int as days_since
          from r where last_at is not null
        )
        select
          (select coalesce(json_agg(json_build_object('id', id, 'name', name, 'needs', needs, 'balance', balance) order by balance, id), '[]')
            from (select * from scored where balance <= ${-STATE_THRESHOLD} order by balance, id limit ${DIGEST_LIST_SIZE}) g) as "giveBack",
          (select count(*) from scored where balance <= ${-STATE_THRESHOLD})::int as owing,
          (select coalesce(json_agg(json_build_object('id', id, 'name', name, 'daysSince', days_since, 'cadenceDays', cadence_days)
              order by days_since - cadence_days, id), '[]')
            from (select * from scored where cadence_days is not null and days_since > cadence_days
                  order by days_since - cadence_days, id limit ${DIGEST_LIST_SIZE}) c) as "goingCold",
          (select count(*) from scored where cadence_days is not null and days_since > cadence_days)::int as cold`,
  );
  if (!row) throw new Error("relationshipsAtWeekEnd: no row");
  return { giveBack: json(row.giveBack), owing: Number(row.owing), goingCold: json(row.goingCold), cold: Number(row.cold) };
}

export type PromiseDueItem = { id: string; contactId: string; name: string; description: string; dueOn: string };

/**
 * The member's promises that were open when the week ended and were overdue by then or
 * fall due in the 7 days after (`endDate` is the local date of the week's end).
 */
export async function promisesDueAtWeekEnd(db: Db, scope: Scope, end: Date, endDate: string) {
  const rows = await queryRows<PromiseDueItem & { total: number }>(
    db,
    sql`select p.id, p.contact_id as "contactId", c.name, p.description, p.due_on::text as "dueOn", count(*) over ()::int as total
        from ${promises} p
        join ${contacts} c on c.workspace_id = p.workspace_id and c.id = p.contact_id
        where p.workspace_id = ${scope.workspaceId} and p.user_id = ${scope.userId}
          and p.created_at < ${ts(end)}
          and (p.status = 'open' or p.closed_at >= ${ts(end)})
          and p.due_on < ${endDate}::date + 7
          and c.archived_at is null
        order by p.due_on, p.id
        limit ${DIGEST_LIST_SIZE}`,
  );
  return { items: rows.map(({ total: _total, ...item }) => item), total: Number(rows[0]?.total ?? 0) };
}

export type TeamNote = { noteId: string; contactId: string; contactName: string; author: string | null; excerpt: string };
export type TeamContact = { contactId: string; name: string; addedBy: string | null };
export type TeamNews = {
  notes: TeamNote[];
  noteCount: number;
  contacts: TeamContact[];
  contactCount: number;
  imports: { by: string | null; count: number }[];
  joined: string[];
};

type ActivityRow = {
  kind: "note_shared" | "contact_added" | "contacts_imported" | "member_joined";
  actor: string | null;
  contactId: string | null;
  contactName: string | null;
  noteId: string | null;
  excerpt: string | null;
  count: number | null;
  total: number;
};

/**
 * What teammates did in the week, from the team's activity feed: notes they shared (read
 * through each note's current visibility, so a note made private again never shows),
 * contacts they added or imported, who joined. The member's own doings are left out.
 */
export async function teamNews(db: Db, scope: Scope, w: Window): Promise<TeamNews> {
  const rows = await queryRows<ActivityRow>(
    db,
    sql`select kind, actor, "contactId", "contactName", "noteId", excerpt, count, total from (
          select ${activity.kind} as kind, u.name as actor, c.id as "contactId", c.name as "contactName", n.id as "noteId",
            left(regexp_replace(n.body, '\\s+', ' ', 'g'), 400) as excerpt, ${activity.count} as count,
            count(*) over (partition by ${activity.kind})::int as total,
            row_number() over (partition by ${activity.kind} order by ${activity.createdAt} desc, ${activity.id} desc) as rn
          from ${activity}
          left join ${users} u on u.id = ${activity.actorId}
          left join ${contacts} c on c.workspace_id = ${activity.workspaceId} and c.id = ${activity.contactId}
          left join ${notes} n on n.workspace_id = ${activity.workspaceId} and n.id = ${activity.noteId}
          where ${activity.workspaceId} = ${scope.workspaceId}
            and ${activity.createdAt} >= ${ts(w.start)} and ${activity.createdAt} < ${ts(w.end)}
            and ${activity.actorId} is distinct from ${scope.userId}
            and (${activity.kind} <> 'note_shared' or (n.visibility = 'team' and c.archived_at is null))
            and (${activity.kind} <> 'contact_added' or c.archived_at is null)
        ) a
        where rn <= ${DIGEST_TEAM_ITEMS}
        order by kind, rn`,
  );
  const total = (kind: ActivityRow["kind"]) => Number(rows.find((r) => r.kind === kind)?.total ?? 0);
  return {
    notes: rows
      .filter((r) => r.kind === "note_shared" && r.noteId && r.contactId)
      .map((r) => ({ noteId: r.noteId!, contactId: r.contactId!, contactName: r.contactName ?? "", author: r.actor, excerpt: excerptOf(r.excerpt ?? "") })),
    noteCount: total("note_shared"),
    contacts: rows
      .filter((r) => r.kind === "contact_added" && r.contactId)
      .map((r) => ({ contactId: r.contactId!, name: r.contactName ?? "", addedBy: r.actor })),
    contactCount: total("contact_added"),
    imports: rows.filter((r) => r.kind === "contacts_imported").map((r) => ({ by: r.actor, count: Number(r.count ?? 0) })),
    joined: rows.filter((r) => r.kind === "member_joined").map((r) => r.actor ?? "A new teammate"),
  };
}

/** A note's first words as plain text: Markdown marks dropped, at most ~160 characters. */
export function excerptOf(body: string): string {
  const text = body
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#>*_`~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= 160) return text;
  const cut = text.slice(0, 160);
  const space = cut.lastIndexOf(" ");
  return `${(space > 100 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Weeks in a row, ending with the week that starts on `monday` (a local date), in which the
 * member gave at least once. 0 when they gave nothing that week. One index probe per week,
 * stopping at the first week without a give.
 */
export async function giveStreakAt(db: Db, scope: Scope, monday: string, timeZone: string): Promise<number> {
  const gaveIn = (week: ReturnType<typeof sql>) =>
    sql`exists (select 1 from ${interactions} where ${interactions.workspaceId} = ${scope.workspaceId}
      and ${interactions.userId} = ${scope.userId} and ${interactions.direction} = 'gave'
      and ${interactions.occurredAt} >= (${week})::timestamp at time zone ${timeZone}
      and ${interactions.occurredAt} < (${week} + 7)::timestamp at time zone ${timeZone})`;
  const [row] = await queryRows<{ streak: number }>(
    db,
    sql`with recursive s(week, n) as (
          select ${monday}::date, 0
          union all
          select s.week - 7, s.n + 1 from s where ${gaveIn(sql`s.week`)} and s.n < 520
        )
        select max(n)::int as streak from s`,
  );
  return Number(row?.streak ?? 0);
}

// ---------------------------------------------------------------------------------------
// Preferences
// ---------------------------------------------------------------------------------------

export type DigestPreferences = { enabled: boolean; weekday: number; hour: number };

export async function getDigestPreferences(db: Db, userId: string) {
  const [row] = await db
    .select({
      enabled: users.digestEnabled,
      weekday: users.digestWeekday,
      hour: users.digestHour,
      timeZone: users.timeZone,
      verified: sql<boolean>`${users.emailVerified} is not null`,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

export async function updateDigestPreferences(db: Db, userId: string, prefs: DigestPreferences): Promise<void> {
  await db
    .update(users)
    .set({ digestEnabled: prefs.enabled, digestWeekday: prefs.weekday, digestHour: prefs.hour })
    .where(eq(users.id, userId));
}

/** Turns the digest off for the user (every workspace). False when there is no such user. */
export async function unsubscribeFromDigest(db: Db, userId: string): Promise<boolean> {
  const rows = await db.update(users).set({ digestEnabled: false }).where(eq(users.id, userId)).returning({ id: users.id });
  return rows.length > 0;
}

/** For the unsubscribe page: whose link it is, and whether the digest is still on. */
export async function getDigestSubscriber(db: Db, userId: string) {
  const [row] = await db.select({ email: users.email, enabled: users.digestEnabled }).from(users).where(eq(users.id, userId));
  return row;
}
