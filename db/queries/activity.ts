import "server-only";
import { inTenant } from "@/db/tenant";
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { activity, contacts, notes, users, type ActivityKind } from "@/db/schema";

export type ActivityInput = {
  workspaceId: string;
  actorId: string | null;
  kind: ActivityKind;
  contactId?: string | null;
  noteId?: string | null;
  count?: number | null;
};

/** Adds an event to the team's feed. Call it inside the transaction of the act it records. */
export async function recordActivity(db: Db | Tx, event: ActivityInput): Promise<void> {
  await db.insert(activity).values(event);
}

export type ActivityItem = {
  id: string;
  kind: ActivityKind;
  actor: string | null;
  contactId: string | null;
  contactName: string | null;
  count: number | null;
  createdAt: Date;
};

/**
 * A page of the team's feed, newest first. Note events are read through the note's current
 * visibility: a note that is (again) private is nobody's business but its author's, so it
 * never appears, not even to the author (the feed is about the team).
 */
export async function listActivity(
  db: Db,
  workspaceId: string,
  options: { limit?: number; before?: { createdAt: Date; id: string } } = {},
): Promise<ActivityItem[]> {
  return inTenant(db, workspaceId, async (db) => {
    const limit = options.limit ?? 30;
    const before = options.before;
    return db
      .select({
        id: activity.id,
        kind: activity.kind,
        actor: users.name,
        contactId: activity.contactId,
        contactName: contacts.name,
        count: activity.count,
        createdAt: activity.createdAt,
      })
      .from(activity)
      .leftJoin(users, eq(users.id, activity.actorId))
      .leftJoin(contacts, and(eq(contacts.workspaceId, activity.workspaceId), eq(contacts.id, activity.contactId)))
      .leftJoin(notes, and(eq(notes.workspaceId, activity.workspaceId), eq(notes.id, activity.noteId)))
      .where(
        and(
          eq(activity.workspaceId, workspaceId),
          or(sql`${activity.noteId} is null`, eq(notes.visibility, "team")),
          before
            ? or(
                lt(activity.createdAt, before.createdAt),
                and(eq(activity.createdAt, before.createdAt), lt(activity.id, before.id)),
              )
            : undefined,
        ),
      )
      .orderBy(desc(activity.createdAt), desc(activity.id))
      .limit(limit);
  });
}
