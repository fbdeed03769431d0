import "server-only";
import { inTenant } from "@/db/tenant";
import { eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { activity, contacts, interactions, memberFlows, notes, promises, relationshipStats, users } from "@/db/schema";
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
  return inTenant(db, scope.workspaceId, async (db) => {
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
  });
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
  return inTenant(db, scope.workspaceId, async (db) => {
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
  });
}

export type PromiseDueItem = { id: string; contactId: string; name: string; description: string; dueOn: string };

/**
 * The member's promises that were open when the week ended and were overdue by then or
 * fall due in the 7 days after (`endDate` is the local date of the week's end).
 */
export async function promisesDueAtWeekEnd(db: Db, scope: Scope, end: Date, endDate: string) {
  return inTenant(db, scope.workspaceId, async (db) => {
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
  });
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

export type TeamEvent = {
  id: string;
  kind: "note_shared" | "contact_added" | "contacts_imported" | "member_joined";
  actorId: string | null;
  contactId: string | null;
  noteId: string | null;
  count: number | null;
};

/** More events than this in one week are not read (a bulk import records one event, not one per row). */
const TEAM_EVENTS_CAP = 20_000;

/**
 * What the team did in the week, from the activity feed, newest first: notes shared (read
 * through each note's current visibility, so a note made private again never shows),
 * contacts added (still live), imports, who joined. The same for every member of the
 * workspace, so a digest run reads it once per workspace and week; each member's own
 * doings are left out by pickTeamNews. Visibility is probed per event by primary key.
 */
export async function teamEvents(db: Db, workspaceId: string, w: Pick<Window, "start" | "end">): Promise<TeamEvent[]> {
  return inTenant(db, workspaceId, async (db) => {
    const rows = await queryRows<TeamEvent>(
      db,
      sql`with ev as materialized (
            select ${activity.id} as id, ${activity.kind} as kind, ${activity.actorId} as actor_id, ${activity.contactId} as contact_id,
              ${activity.noteId} as note_id, ${activity.count} as count, ${activity.createdAt} as created_at
            from ${activity}
            where ${activity.workspaceId} = ${workspaceId}
              and ${activity.createdAt} >= ${ts(w.start)} and ${activity.createdAt} < ${ts(w.end)}
            order by ${activity.createdAt} desc, ${activity.id} desc
            limit ${TEAM_EVENTS_CAP}
          )
          select ev.id, ev.kind, ev.actor_id as "actorId", ev.contact_id as "contactId", ev.note_id as "noteId", ev.count
          from ev
          left join lateral (select c.archived_at is null as live from ${contacts} c
                             where c.workspace_id = ${workspaceId} and c.id = ev.contact_id limit 1) c on true
          left join lateral (select n.visibility = 'team' as shared from ${notes} n
                             where n.workspace_id = ${workspaceId} and n.id = ev.note_id limit 1) n on true
          where case ev.kind when 'note_shared' then coalesce(n.shared and c.live, false)
                             when 'contact_added' then coalesce(c.live, false)
                             else true end
          order by ev.created_at desc, ev.id desc`,
    );
    return rows.map((r) => ({ ...r, count: r.count === null ? null : Number(r.count) }));
  });
}

/** The member's view of the team's week: everyone's events but their own, DIGEST_TEAM_ITEMS of each kind named. */
export function pickTeamNews(events: TeamEvent[], userId: string) {
  const others = events.filter((e) => e.actorId !== userId);
  const of = (kind: TeamEvent["kind"]) => others.filter((e) => e.kind === kind);
  return {
    notes: of("note_shared").slice(0, DIGEST_TEAM_ITEMS),
    noteCount: of("note_shared").length,
    contacts: of("contact_added").slice(0, DIGEST_TEAM_ITEMS),
    contactCount: of("contact_added").length,
    imports: of("contacts_imported").slice(0, DIGEST_TEAM_ITEMS),
    joined: of("member_joined").slice(0, DIGEST_TEAM_ITEMS),
  };
}

/**
 * The team section for one member: the picked events with names and note excerpts, read by
 * primary key in one statement. `events` may come from a run's cache (see loadDigest).
 */
export async function teamNews(db: Db, scope: Scope, w: Pick<Window, "start" | "end">, events?: TeamEvent[]): Promise<TeamNews> {
  return inTenant(db, scope.workspaceId, async (db) => {
    const picked = pickTeamNews(events ?? (await teamEvents(db, scope.workspaceId, w)), scope.userId);
    const shown = [...picked.notes, ...picked.contacts, ...picked.imports, ...picked.joined];
    if (shown.length === 0) return { notes: [], noteCount: 0, contacts: [], contactCount: 0, imports: [], joined: [] };
    const ids = (pick: (e: TeamEvent) => string | null) => [...new Set(shown.map(pick).filter((x): x is string => x !== null))];
    const uuids = (xs: string[]) => sql`array[${sql.join(xs.length > 0 ? xs.map((x) => sql`${x}`) : [sql`null`], sql`, `)}]::uuid[]`;
    const [names] = await queryRows<{ people: Record<string, string> | string; contacts: Record<string, string> | string; notes: Record<string, string> | string }>(
      db,
      sql`select
            (select coalesce(json_object_agg(u.id, u.name), '{}') from ${users} u where u.id = any(${uuids(ids((e) => e.actorId))})) as people,
            (select coalesce(json_object_agg(c.id, c.name), '{}') from ${contacts} c
              where c.workspace_id = ${scope.workspaceId} and c.id = any(${uuids(ids((e) => e.contactId))})) as contacts,
            (select coalesce(json_object_agg(n.id, left(n.body, 600)), '{}') from ${notes} n
              where n.workspace_id = ${scope.workspaceId} and n.id = any(${uuids(ids((e) => e.noteId))}) and n.visibility = 'team') as notes`,
    );
    const people = json(names?.people ?? {});
    const contactNames = json(names?.contacts ?? {});
    const noteBodies = json(names?.notes ?? {});
    const person = (id: string | null) => (id ? (people[id] ?? null) : null);
    return {
      notes: picked.notes
        .filter((e) => e.noteId && e.contactId && noteBodies[e.noteId] !== undefined)
        .map((e) => ({ noteId: e.noteId!, contactId: e.contactId!, contactName: contactNames[e.contactId!] ?? "", author: person(e.actorId), excerpt: excerptOf(noteBodies[e.noteId!]!) })),
      noteCount: picked.noteCount,
      contacts: picked.contacts
        .filter((e) => e.contactId)
        .map((e) => ({ contactId: e.contactId!, name: contactNames[e.contactId!] ?? "", addedBy: person(e.actorId) })),
      contactCount: picked.contactCount,
      imports: picked.imports.map((e) => ({ by: person(e.actorId), count: e.count ?? 0 })),
      joined: picked.joined.map((e) => person(e.actorId) ?? "A new teammate"),
    };
  });
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
 * member gave at least once. 0 when they gave nothing that week. Read from the member_flows
 * rollup (one row per member and instant logged, like the dashboard's streak): the member's
 * weeks with a give, newest first, counted while they follow one another. A recursive probe
 * of interactions per week was planned as a scan of all the member's gives per week (~2 s
 * for a member with 150,000 gives).
 */
export async function giveStreakAt(db: Db, scope: Scope, monday: string, timeZone: string): Promise<number> {
  return inTenant(db, scope.workspaceId, async (db) => {
    const f = memberFlows;
    const [row] = await queryRows<{ streak: number }>(
      db,
      sql`with w as (
            select distinct date_trunc('week', ${f.occurredAt} at time zone ${timeZone})::date as week
            from ${f}
            where ${f.workspaceId} = ${scope.workspaceId} and ${f.userId} = ${scope.userId} and ${f.gaveCount} > 0
              and ${f.occurredAt} < (${monday}::date + 7)::timestamp at time zone ${timeZone}
              and ${f.occurredAt} >= (${monday}::date - ${MAX_STREAK_WEEKS * 7 - 7}::int)::timestamp at time zone ${timeZone}
          ),
          g as (select week, row_number() over (order by week desc) as n from w)
          -- In the run that ends at \`monday\`, the n-th newest week is n - 1 weeks before it.
          select count(*)::int as streak from g where week + ((n - 1) * 7)::int = ${monday}::date`,
    );
    return Number(row?.streak ?? 0);
  });
}

/** Ten years: the longest streak counted. */
const MAX_STREAK_WEEKS = 520;

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
