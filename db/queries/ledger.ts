import "server-only";
import { inTenant } from "@/db/tenant";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { queryRows, type Db, type Tx } from "@/db/client";
import { contacts, interactions, promises, relationshipStats, users } from "@/db/schema";
import { UserError } from "@/lib/errors";
import { BALANCE_PRIOR, HALF_LIFE_DAYS, type Direction, type Kind } from "@/lib/scoring";
import { statsOf, type Scope } from "./contacts";
import { epochPower, scoreSql } from "./scores";

export type InteractionInput = {
  contactId: string;
  direction: Direction;
  kind: Kind;
  weight: number;
  occurredAt: Date;
  summary: string;
  details: string | null;
};

export type TimelineInteraction = {
  id: string;
  direction: Direction;
  kind: Kind;
  weight: number;
  occurredAt: string;
  summary: string;
  details: string | null;
  mine: boolean;
  member: string;
};

const relationship = (scope: Scope, contactId: string) =>
  and(
    eq(interactions.workspaceId, scope.workspaceId),
    eq(interactions.userId, scope.userId),
    eq(interactions.contactId, contactId),
  );

/**
 * Rewrites the member's stats row for one contact from its interactions, in the caller's
 * transaction. An advisory lock on the relationship serialises concurrent writers, so the
 * last one to commit has counted everything.
 */
async function refreshStats(tx: Tx, scope: Scope, contactId: string): Promise<void> {
  const key = `${scope.workspaceId}:${scope.userId}:${contactId}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
  await tx
    .delete(relationshipStats)
    .where(
      and(
        eq(relationshipStats.workspaceId, scope.workspaceId),
        eq(relationshipStats.userId, scope.userId),
        eq(relationshipStats.contactId, contactId),
      ),
    );
  const p = epochPower(sql`${interactions.occurredAt}`);
  await tx.execute(sql`
    insert into ${relationshipStats}
      (workspace_id, user_id, contact_id, give_sum, take_sum, mutual_sum, interaction_count, last_at, last_gave_at, ask_streak)
    select ${scope.workspaceId}::uuid, ${scope.userId}::uuid, ${contactId}::uuid,
      coalesce(sum(${interactions.weight} * ${p}) filter (where ${interactions.direction} = 'gave'), 0),
      coalesce(sum(${interactions.weight} * ${p}) filter (where ${interactions.direction} = 'received'), 0),
      coalesce(sum(${interactions.weight} * ${p}) filter (where ${interactions.direction} = 'mutual'), 0),
      count(*),
      max(${interactions.occurredAt}),
      g.last_gave,
      count(*) filter (where ${interactions.kind} = 'ask' and ${interactions.occurredAt} > coalesce(g.last_gave, '-infinity'::timestamptz))
    from ${interactions}
    cross join (
      select max(${interactions.occurredAt}) as last_gave from ${interactions}
      where ${relationship(scope, contactId)} and ${interactions.direction} = 'gave'
    ) g
    where ${relationship(scope, contactId)}
    group by g.last_gave
  `);
}

async function contactInWorkspace(tx: Db | Tx, workspaceId: string, contactId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, contactId)));
  return Boolean(row);
}

/** A client-chosen id that already names another entry (someone else's, or another contact's). */
export class InteractionIdTaken extends UserError {
  constructor() {
    super("That entry's id is already in use. Log it again and it will get a new one.");
  }
}

/**
 * Logs an interaction and updates the relationship's scores in one transaction. With an
 * `id` chosen by the client the write is idempotent: sending it again (a retry after a lost
 * answer) finds the member's own entry and changes nothing (`created: false`). An id that
 * names anything else — another member's or workspace's entry, or another contact's —
 * throws InteractionIdTaken and reveals nothing about that entry.
 */
export async function logInteraction(
  db: Db,
  scope: Scope,
  input: InteractionInput & { id?: string },
): Promise<{ id: string; created: boolean } | undefined> {
  return inTenant(db, scope.workspaceId, async (tx) => {
    if (!(await contactInWorkspace(tx, scope.workspaceId, input.contactId))) return undefined;
    const [row] = await tx
      .insert(interactions)
      .values({ ...input, workspaceId: scope.workspaceId, userId: scope.userId })
      .onConflictDoNothing({ target: interactions.id })
      .returning({ id: interactions.id });
    if (row) {
      await refreshStats(tx, scope, input.contactId);
      return { id: row.id, created: true };
    }
    // Only a client-chosen id can conflict. A concurrent first write of it has committed by
    // now (the insert waited for it), so this read sees it.
    const [mine] = input.id
      ? await tx
          .select({ id: interactions.id })
          .from(interactions)
          .where(and(relationship(scope, input.contactId), eq(interactions.id, input.id)))
      : [];
    if (!mine) throw new InteractionIdTaken();
    return { id: mine.id, created: false };
  });
}

const ownInteraction = (scope: Scope, id: string) =>
  and(eq(interactions.workspaceId, scope.workspaceId), eq(interactions.userId, scope.userId), eq(interactions.id, id));

export async function updateInteraction(
  db: Db,
  scope: Scope,
  id: string,
  input: Omit<InteractionInput, "contactId">,
): Promise<boolean> {
  return inTenant(db, scope.workspaceId, async (tx) => {
    const [row] = await tx
      .update(interactions)
      .set({ ...input, updatedAt: new Date() })
      .where(ownInteraction(scope, id))
      .returning({ contactId: interactions.contactId });
    if (!row) return false;
    await refreshStats(tx, scope, row.contactId);
    return true;
  });
}

export async function deleteInteraction(db: Db, scope: Scope, id: string): Promise<boolean> {
  return inTenant(db, scope.workspaceId, async (tx) => {
    const [row] = await tx
      .delete(interactions)
      .where(ownInteraction(scope, id))
      .returning({ contactId: interactions.contactId });
    if (!row) return false;
    await refreshStats(tx, scope, row.contactId);
    return true;
  });
}

/** Everyone's interactions with a contact, newest first (interactions are team-visible). */
export async function listInteractionsForContact(db: Db, scope: Scope, contactId: string, limit = 200): Promise<TimelineInteraction[]> {
  return inTenant(db, scope.workspaceId, async (db) => {
    return db
      .select({
        id: interactions.id,
        direction: interactions.direction,
        kind: interactions.kind,
        weight: interactions.weight,
        occurredAt: sql<string>`${interactions.occurredAt}::text`,
        summary: interactions.summary,
        details: interactions.details,
        mine: sql<boolean>`${interactions.userId} = ${scope.userId}`,
        member: users.name,
      })
      .from(interactions)
      .innerJoin(users, eq(users.id, interactions.userId))
      .where(and(eq(interactions.workspaceId, scope.workspaceId), eq(interactions.contactId, contactId)))
      .orderBy(desc(interactions.occurredAt), desc(interactions.createdAt))
      .limit(limit);
  });
}

export type RelationshipSummary = {
  give: number;
  take: number;
  mutual: number;
  balance: number;
  balanceScore: number;
  state: "giving" | "balanced" | "owing";
  strength: number;
  lastAt: string | null;
  daysSince: number;
  cadence: "ok" | "due soon" | "going cold";
  askStreak: number;
};

/** The caller's relationship with one contact, scored at `now` by the same SQL that ranks lists. */
export async function getRelationship(db: Db, scope: Scope, contactId: string, now = new Date()): Promise<RelationshipSummary | undefined> {
  return inTenant(db, scope.workspaceId, async (db) => {
    const s = scoreSql(now);
    const [row] = await db
      .select({
        give: s.give,
        take: s.take,
        mutual: s.mutual,
        balance: s.balance,
        balanceScore: s.balanceScore,
        state: s.state,
        strength: s.strength,
        lastAt: s.lastAt,
        daysSince: s.daysSince,
        cadence: s.cadence,
        askStreak: s.askStreak,
      })
      .from(contacts)
      .leftJoin(relationshipStats, statsOf(scope.userId))
      .where(and(eq(contacts.workspaceId, scope.workspaceId), eq(contacts.id, contactId)));
    return row;
  });
}

export type PromiseItem = { id: string; description: string; dueOn: string | null; mine: boolean; member: string };

export async function listOpenPromises(db: Db, scope: Scope, contactId: string): Promise<PromiseItem[]> {
  return inTenant(db, scope.workspaceId, async (db) => {
    return db
      .select({
        id: promises.id,
        description: promises.description,
        dueOn: promises.dueOn,
        mine: sql<boolean>`${promises.userId} = ${scope.userId}`,
        member: users.name,
      })
      .from(promises)
      .innerJoin(users, eq(users.id, promises.userId))
      .where(and(eq(promises.workspaceId, scope.workspaceId), eq(promises.contactId, contactId), eq(promises.status, "open")))
      .orderBy(sql`${promises.dueOn} asc nulls last`, asc(promises.createdAt));
  });
}

export async function createPromise(
  db: Db,
  scope: Scope,
  input: { contactId: string; description: string; dueOn: string | null },
): Promise<{ id: string } | undefined> {
  return inTenant(db, scope.workspaceId, async (db) => {
    if (!(await contactInWorkspace(db, scope.workspaceId, input.contactId))) return undefined;
    const [row] = await db
      .insert(promises)
      .values({ ...input, workspaceId: scope.workspaceId, userId: scope.userId })
      .returning({ id: promises.id });
    return row;
  });
}

const ownOpenPromise = (scope: Scope, id: string) =>
  and(eq(promises.workspaceId, scope.workspaceId), eq(promises.userId, scope.userId), eq(promises.id, id), eq(promises.status, "open"));

/** Keeps a promise: logs the `gave` interaction it stands for and closes it, together. */
export async function completePromise(
  db: Db,
  scope: Scope,
  id: string,
  gave: Omit<InteractionInput, "contactId" | "direction">,
): Promise<{ interactionId: string } | undefined> {
  return inTenant(db, scope.workspaceId, async (tx) => {
    const [promise] = await tx
      .select({ contactId: promises.contactId })
      .from(promises)
      .where(ownOpenPromise(scope, id))
      .for("update");
    if (!promise) return undefined;
    const [interaction] = await tx
      .insert(interactions)
      .values({ ...gave, direction: "gave", contactId: promise.contactId, workspaceId: scope.workspaceId, userId: scope.userId })
      .returning({ id: interactions.id });
    if (!interaction) throw new Error("completePromise: insert returned nothing");
    await tx
      .update(promises)
      .set({ status: "done", interactionId: interaction.id, closedAt: new Date() })
      .where(ownOpenPromise(scope, id));
    await refreshStats(tx, scope, promise.contactId);
    return { interactionId: interaction.id };
  });
}

export async function cancelPromise(db: Db, scope: Scope, id: string): Promise<boolean> {
  return inTenant(db, scope.workspaceId, async (db) => {
    const rows = await db
      .update(promises)
      .set({ status: "cancelled", closedAt: new Date() })
      .where(ownOpenPromise(scope, id))
      .returning({ id: promises.id });
    return rows.length > 0;
  });
}

/** The caller's balance with a contact at the end of each of the last 12 months (oldest first). */
export async function balanceHistory(db: Db, scope: Scope, contactId: string, now = new Date()) {
  return inTenant(db, scope.workspaceId, async (db) => {
    const at = sql`${now.toISOString()}::timestamptz`;
    const w = sql`${interactions.weight} * power(2::float8, -greatest(0, extract(epoch from (p.at - ${interactions.occurredAt}))::float8 / 86400) / ${HALF_LIFE_DAYS})`;
    const rows = await queryRows<{ at: string; give: number; take: number }>(
      db,
      sql`
      with p as (select ${at} - make_interval(months => 11 - i) as at from generate_series(0, 11) as i)
      select to_char(p.at, 'YYYY-MM-DD') as at,
        coalesce(sum(${w}) filter (where ${interactions.direction} = 'gave'), 0)::float8 as give,
        coalesce(sum(${w}) filter (where ${interactions.direction} = 'received'), 0)::float8 as take
      from p
      left join ${interactions} on ${relationship(scope, contactId)} and ${interactions.occurredAt} <= p.at
      group by p.at order by p.at`,
    );
    return rows.map((r) => ({ at: r.at, balance: (Number(r.give) - Number(r.take)) / (Number(r.give) + Number(r.take) + BALANCE_PRIOR) }));
  });
}

/** "Why this score": the caller's interactions with a contact that weigh most now (weight × decay). */
export async function topContributions(db: Db, scope: Scope, contactId: string, now = new Date(), limit = 5) {
  return inTenant(db, scope.workspaceId, async (db) => {
    const at = sql`${now.toISOString()}::timestamptz`;
    const value = sql<number>`${interactions.weight} * power(2::float8, -greatest(0, extract(epoch from (${at} - ${interactions.occurredAt}))::float8 / 86400) / ${HALF_LIFE_DAYS})`;
    return db
      .select({
        id: interactions.id,
        direction: interactions.direction,
        kind: interactions.kind,
        summary: interactions.summary,
        occurredAt: sql<string>`${interactions.occurredAt}::text`,
        value,
      })
      .from(interactions)
      .where(relationship(scope, contactId))
      .orderBy(desc(value))
      .limit(limit);
  });
}
