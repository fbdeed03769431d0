import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import { auditLog, invitations, memberships, users, workspaces } from "@/db/schema";
import { makeScopedUser, makeTeam, makeUser, uniqueEmail, contactInput } from "@/lib/testing/factories";
import { listActivity } from "./activity";
import { listAudit } from "./audit";
import { createContact } from "./contacts";
import { createNote, setNoteVisibility } from "./notes";
import {
  acceptInvitation,
  changeRole,
  createInvitation,
  findInvitation,
  leaveWorkspace,
  listMembers,
  listOpenInvitations,
  removeMember,
  renewInvitation,
  revokeInvitation,
} from "./team";
import { getMembershipBySlug } from "./workspaces";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});

async function invite(team: Awaited<ReturnType<typeof makeTeam>>, email: string, role: "member" | "admin" | "owner" = "member") {
  const result = await createInvitation(db, team.owner, { email, role });
  if (result.status !== "invited") throw new Error("invite: not invited");
  return result.token;
}

async function roleIn(workspaceId: string, userId: string) {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row?.role;
}

describe("invitations", () => {
  it("lets the invited address join once, with the invited role, and records it", async () => {
    const team = await makeTeam();
    const invitee = await makeUser("Ida Invitee");
    const token = await invite(team, invitee.user.email, "admin");

    expect((await listOpenInvitations(db, team.workspaceId)).map((i) => i.email)).toEqual([invitee.user.email]);
    expect(await findInvitation(db, token)).toMatchObject({ email: invitee.user.email, role: "admin", state: "open" });

    const joined = await acceptInvitation(db, invitee.user, token);
    expect(joined.status).toBe("joined");
    expect(await roleIn(team.workspaceId, invitee.user.id)).toBe("admin");
    expect(await listOpenInvitations(db, team.workspaceId)).toEqual([]);
    expect((await findInvitation(db, token))?.state).toBe("used");

    // Single use: the same link again does nothing.
    expect(await acceptInvitation(db, invitee.user, token)).toEqual({ status: "invalid" });

    const feed = await listActivity(db, team.workspaceId);
    expect(feed[0]).toMatchObject({ kind: "member_joined", actor: "Ida Invitee" });
    const audit = (await listAudit(db, team.workspaceId)).map((e) => e.action);
    expect(audit).toEqual(["invitation.accepted", "invitation.sent"]);
  });

  it("stores only the token's hash", async () => {
    const team = await makeTeam();
    const token = await invite(team, uniqueEmail());
    const rows = await db.select({ hash: invitations.tokenHash }).from(invitations).where(eq(invitations.workspaceId, team.workspaceId));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.hash).not.toContain(token);
    expect(rows[0]?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses another address and leaves the invitation open", async () => {
    const team = await makeTeam();
    const invitee = await makeUser();
    const stranger = await makeUser();
    const token = await invite(team, invitee.user.email);
    expect(await acceptInvitation(db, stranger.user, token)).toEqual({ status: "wrong_email", email: invitee.user.email });
    expect(await roleIn(team.workspaceId, stranger.user.id)).toBeUndefined();
    expect((await findInvitation(db, token))?.state).toBe("open");
  });

  it("verifies the address of a user who joins through the mailed link", async () => {
    const team = await makeTeam();
    const invitee = await makeUser();
    await acceptInvitation(db, invitee.user, await invite(team, invitee.user.email));
    const [row] = await db.select({ verified: users.emailVerified }).from(users).where(eq(users.id, invitee.user.id));
    expect(row?.verified).toBeInstanceOf(Date);
  });

  it("renews an open invitation in place: one row, only the newest link works", async () => {
    const team = await makeTeam();
    const invitee = await makeUser();
    const first = await invite(team, invitee.user.email);
    const second = await invite(team, invitee.user.email, "admin");
    const open = await listOpenInvitations(db, team.workspaceId);
    expect(open).toHaveLength(1);
    expect(open[0]?.role).toBe("admin");
    expect(await findInvitation(db, first)).toBeUndefined();

    const renewed = await renewInvitation(db, team.owner, open[0]!.id);
    expect(renewed?.email).toBe(invitee.user.email);
    expect(await acceptInvitation(db, invitee.user, second)).toEqual({ status: "invalid" });
    expect((await acceptInvitation(db, invitee.user, renewed!.token)).status).toBe("joined");
  });

  it("refuses expired and revoked invitations", async () => {
    const team = await makeTeam();
    const late = await makeUser();
    const revoked = await makeUser();
    const lateToken = await invite(team, late.user.email);
    const revokedToken = await invite(team, revoked.user.email);
    await db
      .update(invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(invitations.workspaceId, team.workspaceId), eq(invitations.email, late.user.email)));
    const [open] = (await listOpenInvitations(db, team.workspaceId)).filter((i) => i.email === revoked.user.email);
    expect(await revokeInvitation(db, team.owner, open!.id)).toBe(true);
    expect(await revokeInvitation(db, team.owner, open!.id)).toBe(false);

    expect((await findInvitation(db, lateToken))?.state).toBe("expired");
    expect(await findInvitation(db, revokedToken)).toBeUndefined();
    expect(await acceptInvitation(db, late.user, lateToken)).toEqual({ status: "invalid" });
    expect(await acceptInvitation(db, revoked.user, revokedToken)).toEqual({ status: "invalid" });
    expect(await roleIn(team.workspaceId, late.user.id)).toBeUndefined();
    expect(await roleIn(team.workspaceId, revoked.user.id)).toBeUndefined();
  });

  it("does not invite someone who is already a member", async () => {
    const team = await makeTeam();
    const [member] = await db.select({ email: users.email }).from(users).where(eq(users.id, team.member.userId));
    expect(await createInvitation(db, team.owner, { email: member!.email, role: "member" })).toEqual({ status: "already_member" });
  });

  it("cannot touch another workspace's invitations", async () => {
    const team = await makeTeam();
    const other = await makeTeam();
    await invite(team, uniqueEmail());
    const [inv] = await listOpenInvitations(db, team.workspaceId);
    expect(await revokeInvitation(db, other.owner, inv!.id)).toBe(false);
    expect(await renewInvitation(db, other.owner, inv!.id)).toBeUndefined();
    expect(await listOpenInvitations(db, team.workspaceId)).toHaveLength(1);
  });
});

describe("roles, removal and leaving", () => {
  it("keeps at least one owner", async () => {
    const team = await makeTeam();
    expect(await changeRole(db, team.owner, { userId: team.owner.userId, role: "admin" })).toBe("last_owner");
    expect(await leaveWorkspace(db, team.owner)).toBe("last_owner");
    expect(await roleIn(team.workspaceId, team.owner.userId)).toBe("owner");

    expect(await changeRole(db, team.owner, { userId: team.member.userId, role: "owner" })).toBe("ok");
    expect(await changeRole(db, team.owner, { userId: team.owner.userId, role: "member" })).toBe("ok");
    expect(await roleIn(team.workspaceId, team.owner.userId)).toBe("member");
    const audit = await listAudit(db, team.workspaceId);
    expect(audit[0]).toMatchObject({ action: "member.role_changed", details: { from: "owner", to: "member" } });
  });

  it("lets only one of two owners demoting each other at once succeed", async () => {
    const team = await makeTeam();
    await changeRole(db, team.owner, { userId: team.member.userId, role: "owner" });
    const results = await Promise.all([
      changeRole(db, team.owner, { userId: team.member.userId, role: "member" }),
      changeRole(db, team.member, { userId: team.owner.userId, role: "member" }),
    ]);
    expect(results.sort()).toEqual(["last_owner", "ok"]);
    const owners = (await listMembers(db, team.workspaceId)).filter((m) => m.role === "owner");
    expect(owners).toHaveLength(1);
  });

  it("removes a member, whose next lookup of the workspace finds nothing", async () => {
    const team = await makeTeam();
    const slug = await slugOf(team.workspaceId);
    expect(await getMembershipBySlug(db, team.member.userId, slug)).toBeDefined();

    expect(await removeMember(db, { ...team.owner, role: "owner" }, team.member.userId)).toBe("ok");
    expect(await getMembershipBySlug(db, team.member.userId, slug)).toBeUndefined();
    expect(await removeMember(db, { ...team.owner, role: "owner" }, team.member.userId)).toBe("not_found");
    expect((await listAudit(db, team.workspaceId))[0]).toMatchObject({ action: "member.removed", target: "Max Member" });
  });

  it("lets admins remove members but not owners", async () => {
    const team = await makeTeam();
    await changeRole(db, team.owner, { userId: team.member.userId, role: "admin" });
    expect(await removeMember(db, { ...team.member, role: "admin" }, team.owner.userId)).toBe("forbidden");
    expect(await roleIn(team.workspaceId, team.owner.userId)).toBe("owner");
  });

  it("keeps the personal workspace", async () => {
    const solo = await makeScopedUser();
    expect(await leaveWorkspace(db, solo.scope)).toBe("personal");
  });

  it("lets a member leave", async () => {
    const team = await makeTeam();
    expect(await leaveWorkspace(db, team.member)).toBe("ok");
    expect(await roleIn(team.workspaceId, team.member.userId)).toBeUndefined();
    expect((await listAudit(db, team.workspaceId))[0]?.action).toBe("member.left");
  });

  it("changes nothing in another workspace", async () => {
    const team = await makeTeam();
    const other = await makeTeam();
    expect(await changeRole(db, other.owner, { userId: team.member.userId, role: "owner" })).toBe("not_found");
    expect(await removeMember(db, { ...other.owner, role: "owner" }, team.member.userId)).toBe("not_found");
    expect(await roleIn(team.workspaceId, team.member.userId)).toBe("member");
    const rows = await db.select().from(auditLog).where(eq(auditLog.workspaceId, team.workspaceId));
    expect(rows).toEqual([]);
  });
});

describe("activity feed", () => {
  it("shows contacts added and notes shared with the team, never private notes", async () => {
    const team = await makeTeam();
    const other = await makeTeam();
    const { id: contactId } = await createContact(db, team.owner, contactInput({ name: "Katherine Johnson" }));
    const privateNote = await createNote(db, team.owner, { contactId, body: "only mine", visibility: "private" });
    await createNote(db, team.member, { contactId, body: "for the team", visibility: "team" });
    await createContact(db, other.owner, contactInput({ name: "Elsewhere" }));

    let feed = await listActivity(db, team.workspaceId);
    expect(feed.map((a) => [a.kind, a.actor, a.contactName])).toEqual([
      ["note_shared", "Max Member", "Katherine Johnson"],
      ["contact_added", "Olivia Owner", "Katherine Johnson"],
    ]);

    // Sharing a private note later appears once; making it private again hides it.
    await setNoteVisibility(db, team.owner, privateNote!.id, "team");
    await setNoteVisibility(db, team.owner, privateNote!.id, "private");
    await setNoteVisibility(db, team.owner, privateNote!.id, "team");
    feed = await listActivity(db, team.workspaceId);
    expect(feed.filter((a) => a.kind === "note_shared")).toHaveLength(2);
    await setNoteVisibility(db, team.owner, privateNote!.id, "private");
    feed = await listActivity(db, team.workspaceId);
    expect(feed.filter((a) => a.kind === "note_shared")).toHaveLength(1);
  });

  it("pages newest first without repeats", async () => {
    const team = await makeTeam();
    for (let i = 0; i < 5; i++) await createContact(db, team.owner, contactInput({ name: `Person ${i}` }));
    const first = await listActivity(db, team.workspaceId, { limit: 3 });
    const rest = await listActivity(db, team.workspaceId, { limit: 3, before: first[2] });
    expect([...first, ...rest].map((a) => a.contactName)).toEqual(["Person 4", "Person 3", "Person 2", "Person 1", "Person 0"]);
  });
});

async function slugOf(workspaceId: string): Promise<string> {
  const [row] = await db.select({ slug: workspaces.slug }).from(workspaces).where(eq(workspaces.id, workspaceId));
  if (!row) throw new Error("slugOf: no such workspace");
  return row.slug;
}
