import "server-only";
import { inTenant } from "@/db/tenant";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { contacts, interactions, memberships, relationshipStats, users } from "@/db/schema";
import { ASK_COLLISION_DAYS, DAY_MS, scoreFromParts } from "@/lib/scoring";
import { scoreSql } from "./scores";

export type MemberRelationship = {
  userId: string;
  name: string;
  balanceScore: number;
  state: "giving" | "balanced" | "owing";
  strength: number;
  lastAt: string | null;
};

/**
 * Each current member's relationship with a contact, strongest first (who knows them
 * best), and the team's summed G, R, M scored as one relationship.
 */
export async function getTeamView(db: Db, workspaceId: string, contactId: string, now = new Date()) {
  return inTenant(db, workspaceId, async (db) => {
    const s = scoreSql(now);
    const members = await db
      .select({
        userId: relationshipStats.userId,
        name: users.name,
        give: s.give,
        take: s.take,
        mutual: s.mutual,
        balanceScore: s.balanceScore,
        state: s.state,
        strength: s.strength,
        lastAt: s.lastAt,
      })
      .from(relationshipStats)
      .innerJoin(contacts, and(eq(contacts.workspaceId, relationshipStats.workspaceId), eq(contacts.id, relationshipStats.contactId)))
      // Only people still in the workspace: a removed member's history stays, their row here does not.
      .innerJoin(memberships, and(eq(memberships.workspaceId, relationshipStats.workspaceId), eq(memberships.userId, relationshipStats.userId)))
      .innerJoin(users, eq(users.id, relationshipStats.userId))
      .where(and(eq(relationshipStats.workspaceId, workspaceId), eq(relationshipStats.contactId, contactId)))
      .orderBy(desc(s.strength), desc(relationshipStats.lastAt));
    const sum = (k: "give" | "take" | "mutual") => members.reduce((t, m) => t + Number(m[k]), 0);
    return {
      members: members.map(({ give, take, mutual, ...m }): MemberRelationship => m),
      team: scoreFromParts(sum("give"), sum("take"), sum("mutual")),
    };
  });
}

/**
 * Contacts that two or more members asked something of within the last ASK_COLLISION_DAYS
 * (all of the workspace's, or just `contactId`'s).
 */
export async function listAskCollisions(db: Db, workspaceId: string, now = new Date(), contactId?: string) {
  return inTenant(db, workspaceId, async (db) => {
    const since = new Date(now.getTime() - ASK_COLLISION_DAYS * DAY_MS);
    return db
      .select({
        contactId: interactions.contactId,
        name: contacts.name,
        askers: sql<string[]>`array_agg(distinct ${users.name})`,
        asks: sql<number>`count(*)::int`,
      })
      .from(interactions)
      .innerJoin(contacts, and(eq(contacts.workspaceId, interactions.workspaceId), eq(contacts.id, interactions.contactId)))
      .innerJoin(users, eq(users.id, interactions.userId))
      .where(
        and(
          eq(interactions.workspaceId, workspaceId),
          eq(interactions.kind, "ask"),
          contactId ? eq(interactions.contactId, contactId) : undefined,
          sql`${interactions.occurredAt} > ${since.toISOString()}::timestamptz`,
        ),
      )
      .groupBy(interactions.contactId, contacts.name)
      .having(sql`count(distinct ${interactions.userId}) >= 2`)
      .orderBy(desc(sql`count(*)`));
  });
}
