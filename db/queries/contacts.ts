import "server-only";
import { asSystem, inTenant } from "@/db/tenant";
import { and, asc, desc, eq, ilike, inArray, isNotNull, isNull, like, or, sql, type SQL } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { contacts, notes, relationshipStats, users } from "@/db/schema";
import type { ContactInput, ContactListQuery } from "@/lib/validation/contacts";
import { visibleTo } from "./notes";
import { scoreSql } from "./scores";
import { STATE_THRESHOLD } from "@/lib/scoring";
import { recordActivity } from "@/db/queries/activity";

export const CONTACT_PAGE_SIZE = 50;

/** Who is asking: tenancy (workspace) and privacy (user) scope every query here. */
export type Scope = { workspaceId: string; userId: string };

export type ContactListItem = {
  id: string;
  name: string;
  company: string | null;
  title: string | null;
  email: string | null;
  tags: string[];
  archived: boolean;
  createdAt: string;
  balanceScore: number;
  state: "giving" | "balanced" | "owing";
  strength: number;
  daysSince: number;
  cadence: "ok" | "due soon" | "going cold";
  interactionCount: number;
};

type ContactCore = Pick<ContactListItem, "id" | "name" | "company" | "title" | "tags" | "archived" | "createdAt">;

export type ContactDetail = ContactCore & {
  emails: string[];
  phone: string | null;
  location: string | null;
  url: string | null;
  howWeMet: string | null;
  interests: string | null;
  needs: string | null;
  offers: string | null;
  cadenceDays: number | null;
  version: number;
  createdBy: { id: string; name: string } | null;
};

/** What search matches: name, company, e-mails and tags, lower-cased in one column. */
export function searchTextOf(c: Pick<ContactInput, "name" | "company" | "emails" | "tags">): string {
  return [c.name, c.company ?? "", ...c.emails, ...c.tags].join(" ").toLowerCase();
}

/** A LIKE pattern that matches `q` literally anywhere. */
export function containsPattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type Sort = ContactListQuery["sort"];
/** `at` pins the scoring moment across pages, so scores (and their order) cannot drift mid-walk. */
type Cursor = { s: Sort; k: string; id: string; at: number };
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString("base64url");
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The recent sort's key: created_at in UTC to the microsecond, whatever the session's TimeZone/DateStyle. */
const recentKey = sql<string>`to_char(${contacts.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
// A real calendar instant in exactly that format: Date rolls "02-31" over to March, so the round trip catches it.
const isRecentKey = (k: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(k) && new Date(k).toISOString().slice(0, 19) === k.slice(0, 19);
const isNumberKey = (k: string) => /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(k);

type SortSpec = {
  /** The sort value as text (exact for floats), carried in the cursor. */
  key: SQL<string>;
  order: SQL[];
  /** Rows strictly after the cursor's (key, id) in this order. */
  after: (k: string, id: string) => SQL;
  validKey: (k: string) => boolean;
};

function sortSpec(sort: Sort, score: ReturnType<typeof scoreSql>): SortSpec {
  const byId = (dir: "asc" | "desc") => (dir === "asc" ? asc(contacts.id) : desc(contacts.id));
  switch (sort) {
    case "name":
      return {
        key: sql<string>`lower(${contacts.name})`,
        order: [asc(sql`lower(${contacts.name})`), byId("asc")],
        after: (k, id) => sql`(lower(${contacts.name}), ${contacts.id}) > (${k}, ${id}::uuid)`,
        validKey: () => true,
      };
    case "recent":
      return {
        key: recentKey,
        order: [desc(contacts.createdAt), byId("desc")],
        after: (k, id) => sql`(${contacts.createdAt}, ${contacts.id}) < (${k}::timestamptz, ${id}::uuid)`,
        validKey: isRecentKey,
      };
    case "balance": // most owing first: where giving back matters most
      return {
        key: sql<string>`(${score.balance})::text`,
        order: [asc(score.balance), byId("asc")],
        after: (k, id) => sql`(${score.balance}, ${contacts.id}) > (${k}::float8, ${id}::uuid)`,
        validKey: isNumberKey,
      };
    case "strength": // strongest first
      return {
        key: sql<string>`(${score.strength})::text`,
        order: [desc(score.strength), byId("desc")],
        after: (k, id) => sql`(${score.strength}, ${contacts.id}) < (${k}::int, ${id}::uuid)`,
        validKey: (k) => /^\d{1,3}$/.test(k),
      };
    case "last": // longest since last contact first
      return {
        key: sql<string>`(${score.daysSince})::text`,
        order: [desc(score.daysSince), byId("desc")],
        after: (k, id) => sql`(${score.daysSince}, ${contacts.id}) < (${k}::int, ${id}::uuid)`,
        validKey: (k) => /^-?\d{1,7}$/.test(k),
      };
  }
}

/**
 * The cursor comes back from the URL: anything this sort did not make (tampered, from the other
 * sort, a key PostgreSQL would refuse to cast) reads as "no cursor" rather than a failed query.
 */
function decodeCursor(s: string | undefined, sort: Sort, validKey: (k: string) => boolean): Cursor | undefined {
  if (!s) return undefined;
  try {
    const c = JSON.parse(Buffer.from(s, "base64url").toString()) as Partial<Cursor>;
    if (c.s !== sort || typeof c.k !== "string" || typeof c.id !== "string" || !UUID.test(c.id)) return undefined;
    if (typeof c.at !== "number" || !Number.isFinite(c.at)) return undefined;
    // PostgreSQL text cannot hold a NUL byte: binding one fails the query.
    if (c.k.includes("\0") || !validKey(c.k)) return undefined;
    return { s: sort, k: c.k, id: c.id, at: c.at };
  } catch {
    return undefined;
  }
}

/**
 * One page of the workspace's contacts with the caller's scores for each, keyset-paginated
 * on (sort key, id) so the 1,000th page costs what the first does. Search covers the
 * contact's own fields and the text of notes the caller may read — never anyone else's
 * private notes. Scores come from relationship_stats in SQL, never from rows in JavaScript.
 */
export async function listContacts(
  db: Db,
  scope: Scope,
  query: ContactListQuery,
  now = new Date(),
): Promise<{ items: ContactListItem[]; nextCursor: string | null }> {
  // Before the tenant transaction: the candidate query runs outside row-level security (see searchCondition).
  const search = query.q ? await searchCondition(db, scope, query.q) : undefined;
  return inTenant(db, scope.workspaceId, async (db) => {
    const probe = sortSpec(query.sort, scoreSql(now));
    const cursor = decodeCursor(query.cursor, query.sort, probe.validKey);
    const at = cursor ? new Date(cursor.at) : now;
    const score = scoreSql(at);
    const spec = sortSpec(query.sort, score);

    const where: (SQL | undefined)[] = [
      eq(contacts.workspaceId, scope.workspaceId),
      query.archived ? isNotNull(contacts.archivedAt) : isNull(contacts.archivedAt),
    ];
    if (query.tag) where.push(sql`${contacts.tags} @> array[${query.tag}]::text[]`);
    if (query.company) where.push(sql`lower(${contacts.company}) = ${query.company.toLowerCase()}`);
    // Written as plain comparisons rather than "state = …": the planner estimates those well,
    // walks the sort index and stops at a full page instead of scoring every contact first.
    if (query.state === "owing") where.push(sql`${score.balance} <= ${-STATE_THRESHOLD}`);
    if (query.state === "giving") where.push(sql`${score.balance} >= ${STATE_THRESHOLD}`);
    if (query.state === "balanced") where.push(sql`${score.balance} > ${-STATE_THRESHOLD} and ${score.balance} < ${STATE_THRESHOLD}`);
    if (query.cold) where.push(sql`${contacts.cadenceDays} is not null and ${score.daysSince} > ${contacts.cadenceDays}`);
    if (search) where.push(search);
    // Sorted by balance, the page's ids are ranked first from the narrow rows they depend on.
    if (query.sort === "balance") where.push(sql`${contacts.id} = any(array(${balancePageIds(scope, score, where, cursor, query.state)}))`);
    if (cursor) where.push(spec.after(cursor.k, cursor.id));

    const rows = await db
      .select({
        id: contacts.id,
        name: contacts.name,
        company: contacts.company,
        title: contacts.title,
        email: sql<string | null>`${contacts.emails}[1]`,
        tags: contacts.tags,
        archived: sql<boolean>`${contacts.archivedAt} is not null`,
        createdAt: sql<string>`${contacts.createdAt}::text`,
        balanceScore: score.balanceScore,
        state: score.state,
        strength: score.strength,
        daysSince: score.daysSince,
        cadence: score.cadence,
        interactionCount: sql<number>`coalesce(${relationshipStats.interactionCount}, 0)`,
        sortKey: spec.key,
      })
      .from(contacts)
      .leftJoin(relationshipStats, statsOf(scope.userId))
      .where(and(...where))
      .orderBy(...spec.order)
      .limit(CONTACT_PAGE_SIZE + 1);

    const page = rows.slice(0, CONTACT_PAGE_SIZE);
    const last = page.at(-1);
    return {
      items: page.map(({ sortKey, ...item }) => item),
      nextCursor:
        rows.length > CONTACT_PAGE_SIZE && last
          ? encodeCursor({ s: query.sort, k: last.sortKey, id: last.id, at: at.getTime() })
          : null,
    };
  });
}

/**
 * The ids of one page sorted by balance, (balance, id) after the cursor. The balance depends on
 * the moment it is scored at (the prior is in today's units), so no index holds it; rather than
 * score and sort every contact with its whole row, the page is drawn from two narrow walks:
 * - the caller's relationship_stats rows (a covering index), scored and sorted on their own,
 *   then joined to their contacts by primary key until a page passes the filters;
 * - contacts the caller has no entries with (balance 0), in id order, which is their order.
 * The list query then fetches and orders those few rows with every filter applied again.
 */
function balancePageIds(scope: Scope, score: ReturnType<typeof scoreSql>, where: (SQL | undefined)[], cursor: Cursor | undefined, state: ContactListQuery["state"]): SQL {
  const limit = CONTACT_PAGE_SIZE + 1;
  const ranked = sql`(select ${relationshipStats.contactId} as id, ${score.balance} as b from ${relationshipStats}
    where ${relationshipStats.workspaceId} = ${scope.workspaceId} and ${relationshipStats.userId} = ${scope.userId}
    ${cursor ? sql`and (${score.balance}, ${relationshipStats.contactId}) > (${cursor.k}::float8, ${cursor.id}::uuid)` : sql``}
    order by 2, 1) ranked`;
  const withStats = sql`(select ranked.id, ranked.b from ${ranked}
    join ${contacts} on ${contacts.workspaceId} = ${scope.workspaceId} and ${contacts.id} = ranked.id
    join ${relationshipStats} on ${statsOf(scope.userId)}
    where ${and(...where)} order by ranked.b, ranked.id limit ${limit})`;
  // No entries yet: balance 0, so none of them is owing or giving, nor after a cursor past 0.
  const k = cursor ? Number(cursor.k) : -Infinity;
  if (state === "owing" || state === "giving" || k > 0) return sql`select id from ${withStats} page`;
  const withoutStats = sql`(select ${contacts.id} as id, 0::float8 as b from ${contacts}
    left join ${relationshipStats} on ${statsOf(scope.userId)}
    where ${relationshipStats.contactId} is null and ${and(...where)} ${k === 0 ? sql`and ${contacts.id} > ${cursor!.id}::uuid` : sql``}
    order by ${contacts.id} limit ${limit})`;
  return sql`select id from (${withStats} union all ${withoutStats}) page`;
}

/** Up to this many candidate ids, search filters by them; past it, walking in sort order is cheaper. */
export const SEARCH_CANDIDATE_CAP = 3000;
/** Trigram indexes need three characters; shorter searches look at the contact's own fields only. */
export const NOTE_SEARCH_MIN_LENGTH = 3;

/**
 * Search, planned by how much it matches. Both trigram indexes (contact fields, readable
 * notes) first collect candidate ids; a rare term then costs a few index lookups. A common
 * term (more candidates than the cap) instead checks contacts in sort order until the page
 * is full — each contact's own notes looked up by its id — which stops early.
 *
 * The candidate query runs as the database login (asSystem), not behind row-level security:
 * LIKE and ILIKE are not leakproof, so under a policy PostgreSQL may not use them as index
 * conditions and scans every contact and note of the table instead (a rare term in notes:
 * ~270 ms on the large seed instead of a few). It names the workspace and the caller's
 * visibility itself, and it only yields ids that the list query — under the policy — then
 * filters again, so the backstop still holds for everything shown.
 */
async function searchCondition(db: Db, scope: Scope, q: string): Promise<SQL | undefined> {
  const pattern = containsPattern(q);
  // search_text is stored lower-cased, so LIKE finds what ILIKE would, for less work per row.
  const inFields = like(contacts.searchText, pattern);
  if (q.length < NOTE_SEARCH_MIN_LENGTH) return inFields;
  const readableNotes = and(eq(notes.workspaceId, scope.workspaceId), visibleTo(scope.userId), ilike(notes.body, pattern));
  const candidates = await asSystem(db, (tx) =>
    queryRows<{ id: string }>(
      tx,
      sql`select id from (
      (select ${contacts.id} as id from ${contacts} where ${contacts.workspaceId} = ${scope.workspaceId} and ${inFields})
      union all
      (select ${notes.contactId} as id from ${notes} where ${readableNotes})
    ) hits limit ${SEARCH_CANDIDATE_CAP + 1}`,
    ),
  );
  if (candidates.length <= SEARCH_CANDIDATE_CAP) {
    const ids = [...new Set(candidates.map((c) => c.id))];
    return ids.length > 0 ? inArray(contacts.id, ids) : sql`false`;
  }
  // OFFSET 0 keeps the planner from turning this back into "collect every matching note first".
  return or(
    inFields,
    sql`exists (select 1 from ${notes} where ${readableNotes} and ${notes.contactId} = ${contacts.id} offset 0)`,
  );
}

/** Join condition: the caller's own stats row for each contact (none yet → all zeros). */
export const statsOf = (userId: string) =>
  and(
    eq(relationshipStats.workspaceId, contacts.workspaceId),
    eq(relationshipStats.userId, userId),
    eq(relationshipStats.contactId, contacts.id),
  );

export async function getContact(db: Db, workspaceId: string, id: string): Promise<ContactDetail | undefined> {
  return inTenant(db, workspaceId, async (db) => {
    const [row] = await db
      .select({
        id: contacts.id,
        name: contacts.name,
        emails: contacts.emails,
        phone: contacts.phone,
        company: contacts.company,
        title: contacts.title,
        location: contacts.location,
        url: contacts.url,
        howWeMet: contacts.howWeMet,
        tags: contacts.tags,
        interests: contacts.interests,
        needs: contacts.needs,
        offers: contacts.offers,
        cadenceDays: contacts.cadenceDays,
        version: contacts.version,
        archived: sql<boolean>`${contacts.archivedAt} is not null`,
        createdAt: sql<string>`${contacts.createdAt}::text`,
        createdById: contacts.createdBy,
        createdByName: users.name,
      })
      .from(contacts)
      .leftJoin(users, eq(users.id, contacts.createdBy))
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)))
      .limit(1);
    if (!row) return undefined;
    const { createdById, createdByName, ...rest } = row;
    return { ...rest, createdBy: createdById ? { id: createdById, name: createdByName ?? "" } : null };
  });
}

function columnsOf(input: ContactInput) {
  const { cadence, ...fields } = input;
  return { ...fields, cadenceDays: cadence, searchText: searchTextOf(input) };
}

export async function createContact(db: Db, scope: Scope, input: ContactInput): Promise<{ id: string }> {
  return inTenant(db, scope.workspaceId, async (tx) => {
    const [row] = await tx
      .insert(contacts)
      .values({ ...columnsOf(input), workspaceId: scope.workspaceId, createdBy: scope.userId })
      .returning({ id: contacts.id });
    if (!row) throw new Error("createContact: insert returned nothing");
    await recordActivity(tx, { workspaceId: scope.workspaceId, actorId: scope.userId, kind: "contact_added", contactId: row.id });
    return row;
  });
}

/**
 * Saves an edit made from `version`. If someone saved in between, nothing is written
 * and "conflict" comes back, so a teammate's newer edit is never silently overwritten.
 */
export async function updateContact(
  db: Db,
  workspaceId: string,
  id: string,
  version: number,
  input: ContactInput,
): Promise<"ok" | "conflict" | "not_found"> {
  return inTenant(db, workspaceId, async (db) => {
    const [row] = await db
      .update(contacts)
      .set({ ...columnsOf(input), version: sql`${contacts.version} + 1`, updatedAt: new Date() })
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id), eq(contacts.version, version)))
      .returning({ id: contacts.id });
    if (row) return "ok";
    return (await getContact(db, workspaceId, id)) ? "conflict" : "not_found";
  });
}

export async function setContactArchived(db: Db, workspaceId: string, id: string, archived: boolean): Promise<boolean> {
  return inTenant(db, workspaceId, async (db) => {
    const rows = await db
      .update(contacts)
      .set({ archivedAt: archived ? new Date() : null, updatedAt: new Date() })
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)))
      .returning({ id: contacts.id });
    return rows.length > 0;
  });
}

/** Deletes the contact and, through the foreign keys, its notes. */
export async function deleteContact(db: Db, workspaceId: string, id: string): Promise<boolean> {
  return inTenant(db, workspaceId, async (db) => {
    const rows = await db
      .delete(contacts)
      .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id)))
      .returning({ id: contacts.id });
    return rows.length > 0;
  });
}
