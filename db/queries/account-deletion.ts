import "server-only";
import { asSystem } from "@/db/tenant";
import { and, eq, inArray, sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { invitations, notes, rateLimits, users, workspaces } from "@/db/schema";
import { recordAudit } from "./audit";

export type AccountDeletion =
  | { status: "deleted"; workspacesDeleted: number }
  | { status: "last_owner"; workspaces: string[] }
  | { status: "not_found" };

/**
 * Deletes an account for good, in one transaction:
 * - refused while the user is the last owner of a team workspace that has other members
 *   (they transfer ownership first, so the team is never left without an owner);
 * - deletes their personal workspace and every workspace they are the only member of;
 * - erases their private notes, interactions, promises, scores, digests, sign-in links and
 *   OAuth links, pending invitations to their address and rate-limit counters on it, and
 *   their e-mail address from audit entries;
 * - keeps what they shared with a team — team notes, contacts they added — without their
 *   name (the foreign keys set the author to null; the app shows "A former member");
 * - deleting the users row ends every session: each request checks the session against it.
 * Each workspace they belonged to gets an `account.deleted` audit entry with no name in it.
 */
export async function deleteAccount(db: Db, userId: string): Promise<AccountDeletion> {
  return asSystem(db, async (tx) => {
    const [user] = await tx.select({ email: users.email }).from(users).where(eq(users.id, userId)).for("update");
    if (!user) return { status: "not_found" as const };

    const mine = await queryRows<{ workspace_id: string; name: string; personal: boolean; role: string; others: number; other_owners: number }>(
      tx,
      sql`
        select w.id as workspace_id, w.name, w.personal, m.role,
          (select count(*)::int from memberships o where o.workspace_id = w.id and o.user_id <> ${userId}) as others,
          (select count(*)::int from memberships o where o.workspace_id = w.id and o.user_id <> ${userId} and o.role = 'owner') as other_owners
        from memberships m join workspaces w on w.id = m.workspace_id
        where m.user_id = ${userId}
        order by w.name
        for update of m`,
    );
    const blocking = mine.filter((w) => !w.personal && w.role === "owner" && w.others > 0 && w.other_owners === 0);
    if (blocking.length > 0) return { status: "last_owner" as const, workspaces: blocking.map((w) => w.name) };

    const doomed = mine.filter((w) => w.personal || w.others === 0).map((w) => w.workspace_id);
    // Written first, with no actor and no name: the record of the deletion is all that stays.
    for (const w of mine) {
      await recordAudit(tx, {
        workspaceId: w.workspace_id,
        actorId: null,
        action: "account.deleted",
        details: { workspaceDeleted: doomed.includes(w.workspace_id) },
      });
    }
    if (doomed.length > 0) await tx.delete(workspaces).where(inArray(workspaces.id, doomed));

    await tx.delete(notes).where(and(eq(notes.authorId, userId), eq(notes.visibility, "private")));
    await tx.delete(invitations).where(eq(invitations.email, user.email));
    await tx.delete(rateLimits).where(sql`position(${user.email} in ${rateLimits.key}) > 0`);
    // Audit entries name people by id (set to null with the user below) or, for invitations, by address.
    await tx.execute(sql`update audit_log set target_email = null where target_email = ${user.email}`);
    await tx.execute(sql`
      update audit_log set details = (
        select coalesce(jsonb_object_agg(e.key, e.value), '{}'::jsonb) from jsonb_each(details) e
        where e.value not in (to_jsonb(${user.email}::text), to_jsonb(${userId}::text)))
      where details::text like ${`%${user.email}%`} or details::text like ${`%${userId}%`}`);
    // Contacts they added to a team stay the team's: created_by, like a team note's author,
    // goes null through its foreign key; their interactions, promises and scores cascade.
    await tx.delete(users).where(eq(users.id, userId));
    return { status: "deleted" as const, workspacesDeleted: doomed.length };
  });
}

export type WorkspaceDeletion = { status: "deleted"; name: string } | { status: "personal" } | { status: "not_found" };

/**
 * Deletes a workspace and, through its foreign keys, everything in it: members, contacts,
 * notes, the ledger, invitations, activity and digests. The audit entry is written first and
 * outlives it (audit_log has no foreign key to workspaces). A personal workspace goes only
 * with its account. The caller checks the `workspace:delete` permission.
 */
export async function deleteWorkspace(db: Db, workspaceId: string, actorId: string): Promise<WorkspaceDeletion> {
  return asSystem(db, async (tx) => {
    const [ws] = await tx
      .select({ name: workspaces.name, slug: workspaces.slug, personal: workspaces.personal })
      .from(workspaces)
      .where(eq(workspaces.id, workspaceId))
      .for("update");
    if (!ws) return { status: "not_found" as const };
    if (ws.personal) return { status: "personal" as const };
    const [counts] = await queryRows<{ contacts: number; members: number }>(
      tx,
      sql`select (select count(*)::int from contacts where workspace_id = ${workspaceId}) as contacts,
                 (select count(*)::int from memberships where workspace_id = ${workspaceId}) as members`,
    );
    await recordAudit(tx, {
      workspaceId,
      actorId,
      action: "workspace.deleted",
      details: { name: ws.name, slug: ws.slug, contacts: counts?.contacts ?? 0, members: counts?.members ?? 0 },
    });
    await tx.delete(workspaces).where(eq(workspaces.id, workspaceId));
    return { status: "deleted" as const, name: ws.name };
  });
}
