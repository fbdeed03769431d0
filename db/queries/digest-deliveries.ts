import "server-only";
import { asSystem } from "@/db/tenant";
import { and, eq, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { digestDeliveries, memberships, users, workspaces } from "@/db/schema";

/**
 * Claims on digest deliveries: one row per (workspace, member, week), whose primary key
 * makes each digest go out at most once however many schedulers run. A scheduler owns a
 * row while its lease lasts; a crashed one's lease runs out and the next run takes over.
 *
 * Times come from the caller (`now`), not the database's clock, so tests can travel in
 * time; several instances need clocks within a few seconds of each other, against leases
 * of minutes.
 */

export type Claim = { workspaceId: string; userId: string; week: string; attempts: number };

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const claimColumns = sql`workspace_id as "workspaceId", user_id as "userId", week, attempts`;

/** Who may get a digest at all: subscribed, with a confirmed address. */
const subscribed = (u = "u") => sql`${sql.raw(u)}.digest_enabled and ${sql.raw(u)}.email_verified is not null`;

/**
 * Claims up to `limit` digests that are due at `now`: for each subscribed member, the last
 * week that ended on their clock, once their weekday and hour (local) have come. A row that
 * exists already — sent, skipped, failed, or someone else's — is left alone: the insert's
 * ON CONFLICT DO NOTHING is what makes two schedulers racing here claim disjoint sets.
 */
export async function claimDueDigests(db: Db, now: Date, opts: { limit: number; leaseMs: number }): Promise<Claim[]> {
  return asSystem(db, async (db) => {
    const lease = new Date(now.getTime() + opts.leaseMs);
    return queryRows<Claim>(
      db,
      sql`insert into ${digestDeliveries} (workspace_id, user_id, week, status, attempts, next_attempt_at, lease_until)
          select d.workspace_id, d.user_id, d.week, 'sending', 1, ${ts(now)}, ${ts(lease)}
          from (
            select m.workspace_id, m.user_id, l.local_now, l.monday, u.digest_weekday, u.digest_hour,
              to_char(l.monday - interval '7 days', 'IYYY-"W"IW') as week
            from ${memberships} m
            join ${users} u on u.id = m.user_id
            cross join lateral (
              select ${ts(now)} at time zone u.time_zone as local_now, date_trunc('week', ${ts(now)} at time zone u.time_zone) as monday
            ) l
            where ${subscribed()}
          ) d
          where d.local_now >= d.monday + make_interval(days => d.digest_weekday - 1, hours => d.digest_hour)
            and not exists (select 1 from ${digestDeliveries} x
                            where x.workspace_id = d.workspace_id and x.user_id = d.user_id and x.week = d.week)
          order by d.workspace_id, d.user_id
          limit ${opts.limit}
          on conflict do nothing
          returning ${claimColumns}`,
    );
  });
}

/**
 * Claims the digests of one given week (the `npm run digest` command), for every subscribed
 * member — of one workspace, if given — whose week has ended on their own clock.
 */
export async function claimWeekDigests(
  db: Db,
  week: string,
  monday: string,
  now: Date,
  opts: { limit: number; leaseMs: number; workspaceId?: string },
): Promise<Claim[]> {
  return asSystem(db, async (db) => {
    const lease = new Date(now.getTime() + opts.leaseMs);
    return queryRows<Claim>(
      db,
      sql`insert into ${digestDeliveries} (workspace_id, user_id, week, status, attempts, next_attempt_at, lease_until)
          select m.workspace_id, m.user_id, ${week}, 'sending', 1, ${ts(now)}, ${ts(lease)}
          from ${memberships} m
          join ${users} u on u.id = m.user_id
          where ${subscribed()}
            ${opts.workspaceId ? sql`and m.workspace_id = ${opts.workspaceId}` : sql``}
            and (${monday}::date + 7)::timestamp at time zone u.time_zone <= ${ts(now)}
            and not exists (select 1 from ${digestDeliveries} x
                            where x.workspace_id = m.workspace_id and x.user_id = m.user_id and x.week = ${week})
          order by m.workspace_id, m.user_id
          limit ${opts.limit}
          on conflict do nothing
          returning ${claimColumns}`,
    );
  });
}

/** The members a week's digest would go to (for a dry run): nothing is claimed. */
export async function listWeekRecipients(db: Db, monday: string, now: Date, workspaceId?: string) {
  return asSystem(db, async (db) => {
    return queryRows<{ workspaceId: string; userId: string }>(
      db,
      sql`select m.workspace_id as "workspaceId", m.user_id as "userId"
          from ${memberships} m join ${users} u on u.id = m.user_id
          where ${subscribed()}
            ${workspaceId ? sql`and m.workspace_id = ${workspaceId}` : sql``}
            and (${monday}::date + 7)::timestamp at time zone u.time_zone <= ${ts(now)}
          order by m.workspace_id, m.user_id`,
    );
  });
}

/**
 * Takes over deliveries that are ready for another attempt: a failed send whose back-off
 * has passed, or a claim whose lease ran out (its scheduler crashed or hung). The
 * conditional UPDATE re-checks the row after waiting for any concurrent taker (SKIP LOCKED
 * avoids even the wait), so each row goes to exactly one scheduler.
 */
export async function takeOverDigests(
  db: Db,
  now: Date,
  opts: { limit: number; leaseMs: number; maxAttempts: number; week?: string; workspaceId?: string },
): Promise<Claim[]> {
  return asSystem(db, async (db) => {
    const lease = new Date(now.getTime() + opts.leaseMs);
    // `t` is one of the statement's own table aliases (sql.raw takes identifiers, never input).
    const ready = (t: "x" | "d") =>
      sql`((${sql.raw(t)}.status = 'pending' and ${sql.raw(t)}.next_attempt_at <= ${ts(now)})
        or (${sql.raw(t)}.status = 'sending' and ${sql.raw(t)}.lease_until < ${ts(now)}))
        and ${sql.raw(t)}.attempts < ${opts.maxAttempts}`;
    return queryRows<Claim>(
      db,
      sql`update ${digestDeliveries} d
          set status = 'sending', attempts = d.attempts + 1, lease_until = ${ts(lease)}
          where (d.workspace_id, d.user_id, d.week) in (
            select x.workspace_id, x.user_id, x.week from ${digestDeliveries} x
            where ${ready("x")}
              ${opts.week ? sql`and x.week = ${opts.week}` : sql``}
              ${opts.workspaceId ? sql`and x.workspace_id = ${opts.workspaceId}` : sql``}
            order by x.next_attempt_at
            limit ${opts.limit}
            for update skip locked
          ) and ${ready("d")}
          returning d.workspace_id as "workspaceId", d.user_id as "userId", d.week, d.attempts`,
    );
  });
}

/** Claims whose lease ran out after their last allowed attempt: given up, not retried. */
export async function failAbandonedDigests(db: Db, now: Date, maxAttempts: number): Promise<number> {
  return asSystem(db, async (db) => {
    const rows = await db
      .update(digestDeliveries)
      .set({
        status: "failed",
        leaseUntil: null,
        lastError: sql`coalesce(${digestDeliveries.lastError}, 'The send did not finish before its lease ran out.')`,
      })
      .where(
        and(
          eq(digestDeliveries.status, "sending"),
          sql`${digestDeliveries.leaseUntil} < ${ts(now)}`,
          sql`${digestDeliveries.attempts} >= ${maxAttempts}`,
        ),
      )
      .returning({ week: digestDeliveries.week });
    return rows.length;
  });
}

const key = (c: Pick<Claim, "workspaceId" | "userId" | "week">) =>
  and(eq(digestDeliveries.workspaceId, c.workspaceId), eq(digestDeliveries.userId, c.userId), eq(digestDeliveries.week, c.week));

export async function markDigestSent(db: Db, c: Claim, now: Date): Promise<void> {
  return asSystem(db, async (db) => {
    await db
      .update(digestDeliveries)
      .set({ status: "sent", sentAt: now, leaseUntil: null, lastError: null })
      .where(and(key(c), eq(digestDeliveries.status, "sending")));
  });
}

/** Nothing to send after all (no longer a member, unsubscribed, an empty week): final. */
export async function markDigestSkipped(db: Db, c: Claim, reason: string): Promise<void> {
  return asSystem(db, async (db) => {
    await db
      .update(digestDeliveries)
      .set({ status: "skipped", leaseUntil: null, lastError: reason })
      .where(and(key(c), eq(digestDeliveries.status, "sending")));
  });
}

/** A failed attempt: retried at `retryAt`, or given up when that was the last attempt allowed. */
export async function markDigestFailed(db: Db, c: Claim, error: string, retryAt: Date | null): Promise<void> {
  return asSystem(db, async (db) => {
    await db
      .update(digestDeliveries)
      .set(
        retryAt
          ? { status: "pending", nextAttemptAt: retryAt, leaseUntil: null, lastError: error }
          : { status: "failed", leaseUntil: null, lastError: error },
      )
      .where(and(key(c), eq(digestDeliveries.status, "sending")));
  });
}

export type Recipient = {
  email: string;
  name: string;
  timeZone: string;
  subscribed: boolean;
  workspace: { slug: string; name: string; personal: boolean };
};

/**
 * The member as they are now, just before sending: undefined once they left or were
 * removed from the workspace (or the account or workspace is gone).
 */
export async function getRecipient(db: Db, workspaceId: string, userId: string): Promise<Recipient | undefined> {
  return asSystem(db, async (db) => {
    const [row] = await db
      .select({
        email: users.email,
        name: users.name,
        timeZone: users.timeZone,
        subscribed: sql<boolean>`${users.digestEnabled} and ${users.emailVerified} is not null`,
        slug: workspaces.slug,
        workspaceName: workspaces.name,
        personal: workspaces.personal,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
    if (!row) return undefined;
    const { slug, workspaceName, personal, ...rest } = row;
    return { ...rest, workspace: { slug, name: workspaceName, personal } };
  });
}

export async function getDelivery(db: Db, c: Pick<Claim, "workspaceId" | "userId" | "week">) {
  return asSystem(db, async (db) => {
    const [row] = await db.select().from(digestDeliveries).where(key(c));
    return row;
  });
}
