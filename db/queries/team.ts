import "server-only";
import { asSystem, inTenant } from "@/db/tenant";
import { and, asc, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { invitations, memberships, users, workspaces, type Role } from "@/db/schema";
import { recordActivity } from "@/db/queries/activity";
import { recordAudit } from "@/db/queries/audit";
import { hashToken, newToken } from "@/lib/tokens";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export type MemberItem = { userId: string; name: string; email: string; role: Role; joinedAt: Date };

export async function listMembers(db: Db, workspaceId: string): Promise<MemberItem[]> {
  return inTenant(db, workspaceId, async (db) => {
    return db
      .select({
        userId: users.id,
        name: users.name,
        email: users.email,
        role: memberships.role,
        joinedAt: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.workspaceId, workspaceId))
      .orderBy(sql`case ${memberships.role} when 'owner' then 0 when 'admin' then 1 else 2 end`, asc(users.name));
  });
}

export type InvitationItem = {
  id: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  sentAt: Date;
  expiresAt: Date;
};

/** Open invitations (not accepted, not revoked), expired ones included so they can be re-sent. */
export async function listOpenInvitations(db: Db, workspaceId: string): Promise<InvitationItem[]> {
  return inTenant(db, workspaceId, async (db) => {
    return db
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        invitedBy: users.name,
        sentAt: invitations.sentAt,
        expiresAt: invitations.expiresAt,
      })
      .from(invitations)
      .leftJoin(users, eq(users.id, invitations.invitedBy))
      .where(and(eq(invitations.workspaceId, workspaceId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .orderBy(desc(invitations.sentAt));
  });
}

type Actor = { workspaceId: string; userId: string };

export type InviteResult = { status: "invited"; token: string } | { status: "already_member" };

/**
 * Invites `email` with `role`. An open invitation to the same address is renewed in place
 * (new token, new 7 days, the new role), so there is only ever one link that works.
 */
export async function createInvitation(
  db: Db,
  actor: Actor,
  input: { email: string; role: Role },
): Promise<InviteResult> {
  return inTenant(db, actor.workspaceId, async (tx) => {
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(users.email, input.email)));
    if (member) return { status: "already_member" } as const;
    const { token, hash } = newToken();
    const now = new Date();
    const values = {
      tokenHash: hash,
      role: input.role,
      invitedBy: actor.userId,
      sentAt: now,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
    };
    await tx
      .insert(invitations)
      .values({ workspaceId: actor.workspaceId, email: input.email, ...values })
      .onConflictDoUpdate({
        target: [invitations.workspaceId, invitations.email],
        targetWhere: sql`${invitations.acceptedAt} is null and ${invitations.revokedAt} is null`,
        set: values,
      });
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "invitation.sent",
      targetEmail: input.email,
      details: { role: input.role },
    });
    return { status: "invited", token } as const;
  });
}

/** A fresh link for an open invitation; undefined when there is none with that id here. */
export async function renewInvitation(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ email: string; role: Role; token: string } | undefined> {
  return inTenant(db, actor.workspaceId, async (tx) => {
    const { token, hash } = newToken();
    const now = new Date();
    const [row] = await tx
      .update(invitations)
      .set({ tokenHash: hash, sentAt: now, expiresAt: new Date(now.getTime() + INVITATION_TTL_MS) })
      .where(openInvitation(actor.workspaceId, id))
      .returning({ email: invitations.email, role: invitations.role });
    if (!row) return undefined;
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "invitation.resent",
      targetEmail: row.email,
    });
    return { ...row, token };
  });
}

export async function revokeInvitation(db: Db, actor: Actor, id: string): Promise<boolean> {
  return inTenant(db, actor.workspaceId, async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(openInvitation(actor.workspaceId, id))
      .returning({ email: invitations.email });
    if (!row) return false;
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "invitation.revoked",
      targetEmail: row.email,
    });
    return true;
  });
}

function openInvitation(workspaceId: string, id: string) {
  return and(
    eq(invitations.workspaceId, workspaceId),
    eq(invitations.id, id),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
  );
}

export type InvitationView = {
  email: string;
  role: Role;
  workspaceName: string;
  workspaceSlug: string;
  inviter: string | null;
  state: "open" | "expired" | "used";
};

/** What the invitation link shows: undefined for a token that never was (or was revoked). */
export async function findInvitation(db: Db, token: string): Promise<InvitationView | undefined> {
  return asSystem(db, async (db) => {
    const [row] = await db
      .select({
        email: invitations.email,
        role: invitations.role,
        workspaceName: workspaces.name,
        workspaceSlug: workspaces.slug,
        inviter: users.name,
        state: sql<InvitationView["state"]>`case
          when ${invitations.acceptedAt} is not null then 'used'
          when ${invitations.expiresAt} <= now() then 'expired'
          else 'open' end`,
      })
      .from(invitations)
      .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
      .leftJoin(users, eq(users.id, invitations.invitedBy))
      .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.revokedAt)));
    return row;
  });
}

export type AcceptResult =
  | { status: "joined"; slug: string }
  | { status: "wrong_email"; email: string }
  | { status: "invalid" };

/**
 * Accepts an invitation for the signed-in `user`, whose address must be the invited one.
 * Single use: the row is locked, checked and marked in one transaction. The link went to
 * that address, so following it also verifies the address.
 */
export async function acceptInvitation(
  db: Db,
  user: { id: string; email: string },
  token: string,
): Promise<AcceptResult> {
  return asSystem(db, async (tx) => {
    const [inv] = await tx
      .select({
        id: invitations.id,
        workspaceId: invitations.workspaceId,
        email: invitations.email,
        role: invitations.role,
        slug: workspaces.slug,
      })
      .from(invitations)
      .innerJoin(workspaces, eq(workspaces.id, invitations.workspaceId))
      .where(
        and(
          eq(invitations.tokenHash, hashToken(token)),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, sql`now()`),
        ),
      )
      .for("update", { of: invitations });
    if (!inv) return { status: "invalid" } as const;
    if (inv.email !== user.email.toLowerCase()) return { status: "wrong_email", email: inv.email } as const;
    await tx.update(invitations).set({ acceptedAt: new Date() }).where(eq(invitations.id, inv.id));
    const joined = await tx
      .insert(memberships)
      .values({ workspaceId: inv.workspaceId, userId: user.id, role: inv.role })
      .onConflictDoNothing()
      .returning({ userId: memberships.userId });
    await tx
      .update(users)
      .set({ emailVerified: new Date() })
      .where(and(eq(users.id, user.id), isNull(users.emailVerified)));
    if (joined.length > 0) {
      await recordActivity(tx, { workspaceId: inv.workspaceId, actorId: user.id, kind: "member_joined" });
      await recordAudit(tx, {
        workspaceId: inv.workspaceId,
        actorId: user.id,
        action: "invitation.accepted",
        targetUserId: user.id,
        details: { role: inv.role },
      });
    }
    return { status: "joined", slug: inv.slug } as const;
  });
}

/** The workspace's owners, locked for the rest of the transaction: the last-owner rule holds under concurrency. */
async function lockOwners(tx: Tx, workspaceId: string): Promise<string[]> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "owner")))
    .for("update");
  return rows.map((r) => r.userId);
}

async function roleOf(tx: Tx, workspaceId: string, userId: string): Promise<Role | undefined> {
  const [row] = await tx
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .for("update");
  return row?.role;
}

export type MembershipChange = "ok" | "not_found" | "last_owner" | "forbidden" | "personal";

/** Owners change roles; the last owner cannot be demoted. */
export async function changeRole(db: Db, actor: Actor, input: { userId: string; role: Role }): Promise<MembershipChange> {
  return inTenant(db, actor.workspaceId, async (tx) => {
    const owners = await lockOwners(tx, actor.workspaceId);
    const current = await roleOf(tx, actor.workspaceId, input.userId);
    if (!current) return "not_found";
    if (current === input.role) return "ok";
    if (current === "owner" && owners.length <= 1) return "last_owner";
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.workspaceId, actor.workspaceId), eq(memberships.userId, input.userId)));
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "member.role_changed",
      targetUserId: input.userId,
      details: { from: current, to: input.role },
    });
    return "ok";
  });
}

/**
 * Removes a member. Admins may remove members and admins; only owners remove owners, and
 * never the last one. Their access ends at once: membership is read on every request.
 */
export async function removeMember(
  db: Db,
  actor: Actor & { role: Role },
  userId: string,
): Promise<MembershipChange> {
  return inTenant(db, actor.workspaceId, async (tx) => {
    const owners = await lockOwners(tx, actor.workspaceId);
    const current = await roleOf(tx, actor.workspaceId, userId);
    if (!current) return "not_found";
    if (current === "owner" && actor.role !== "owner") return "forbidden";
    if (current === "owner" && owners.length <= 1) return "last_owner";
    await deleteMembership(tx, actor.workspaceId, userId);
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: userId === actor.userId ? "member.left" : "member.removed",
      targetUserId: userId,
    });
    return "ok";
  });
}

/** The caller leaves the workspace: not their personal one, and not as its last owner. */
export async function leaveWorkspace(db: Db, actor: Actor): Promise<MembershipChange> {
  return inTenant(db, actor.workspaceId, async (tx) => {
    const [ws] = await tx.select({ personal: workspaces.personal }).from(workspaces).where(eq(workspaces.id, actor.workspaceId));
    if (!ws) return "not_found";
    if (ws.personal) return "personal";
    const owners = await lockOwners(tx, actor.workspaceId);
    const current = await roleOf(tx, actor.workspaceId, actor.userId);
    if (!current) return "not_found";
    if (current === "owner" && owners.length <= 1) return "last_owner";
    await deleteMembership(tx, actor.workspaceId, actor.userId);
    await recordAudit(tx, { workspaceId: actor.workspaceId, actorId: actor.userId, action: "member.left", targetUserId: actor.userId });
    return "ok";
  });
}

async function deleteMembership(tx: Tx, workspaceId: string, userId: string): Promise<void> {
  await tx.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
}

export async function renameWorkspace(db: Db, actor: Actor, name: string): Promise<void> {
  await inTenant(db, actor.workspaceId, async (tx) => {
    const [old] = await tx
      .select({ name: workspaces.name })
      .from(workspaces)
      .where(eq(workspaces.id, actor.workspaceId))
      .for("update");
    if (!old || old.name === name) return;
    await tx.update(workspaces).set({ name }).where(eq(workspaces.id, actor.workspaceId));
    await recordAudit(tx, {
      workspaceId: actor.workspaceId,
      actorId: actor.userId,
      action: "workspace.renamed",
      details: { from: old.name, to: name },
    });
  });
}
