import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows, type Db } from "@/db/client";
import { accounts, contacts, digestDeliveries, invitations, memberships, notes, workspaces } from "@/db/schema";
import { hit } from "@/lib/rate-limit";
import { hashToken } from "@/lib/tokens";
import { contactInput, makeScopedUser, makeTeam } from "@/lib/testing/factories";
import { deleteAccount, deleteWorkspace } from "./account-deletion";
import { recordActivity } from "./activity";
import { listAudit } from "./audit";
import { createContact } from "./contacts";
import { createPromise, logInteraction } from "./ledger";
import { createNote, listNotesForContact } from "./notes";
import { createInvitation, changeRole } from "./team";
import { createAuthToken, getSessionUser } from "./users";
import { createWorkspace } from "./workspaces";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});

type Trace = { table: string; column: string; needle: string; rows: number };

/**
 * Looks for each needle in every text-like column of every table in the schema (text, uuid,
 * jsonb, arrays — cast to text), so a table added later is swept too.
 */
async function traces(needles: string[], skipTables: string[] = []): Promise<Trace[]> {
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`select table_name, column_name from information_schema.columns
        where table_schema = current_schema()
          and data_type in ('text', 'uuid', 'jsonb', 'json', 'ARRAY', 'character varying')
        order by table_name, column_name`,
  );
  const found: Trace[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    if (skipTables.includes(table)) continue;
    for (const needle of needles) {
      const [row] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from ${sql.identifier(table)} where strpos(lower(${sql.identifier(column)}::text), lower(${needle})) > 0`,
      );
      if (row && row.n > 0) found.push({ table, column, needle, rows: row.n });
    }
  }
  return found;
}

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

describe("deleting an account", () => {
  async function doomedUserInATeam() {
    const team = await makeTeam();
    const name = `Zelda Quist-${randomUUID().slice(0, 8)}`;
    const doomed = await makeScopedUser(name);
    const d = { workspaceId: team.workspaceId, userId: doomed.user.id };
    await db.insert(memberships).values({ workspaceId: team.workspaceId, userId: doomed.user.id, role: "member" });

    // Their personal workspace, full of their own things.
    const mine = await createContact(db, doomed.scope, contactInput({ name: "Personal Pal", emails: "pal@example.com" }));
    await createNote(db, doomed.scope, { contactId: mine.id, body: "A personal note", visibility: "private" });
    await logInteraction(db, doomed.scope, { contactId: mine.id, direction: "gave", kind: "advice", weight: 2, occurredAt: daysAgo(3), summary: "Advice", details: null });

    // A team workspace they are the only member of goes too.
    const solo = await createWorkspace(db, { name: `Solo ${randomUUID().slice(0, 6)}`, ownerId: doomed.user.id });
    await createContact(db, { workspaceId: solo.id, userId: doomed.user.id }, contactInput({ name: "Solo Contact" }));

    // In the shared team: a contact they added, a private and a team note, their ledger.
    const shared = await createContact(db, d, contactInput({ name: "Shared Sam", company: "Team Co" }));
    const ownersContact = await createContact(db, team.owner, contactInput({ name: "Owner's Olga" }));
    await createNote(db, d, { contactId: ownersContact.id, body: "Private thoughts about Olga", visibility: "private" });
    const teamNote = await createNote(db, d, { contactId: ownersContact.id, body: "Olga is hiring a designer", visibility: "team" });
    await createNote(db, team.owner, { contactId: ownersContact.id, body: "Owner's own note", visibility: "team" });
    await logInteraction(db, d, { contactId: ownersContact.id, direction: "received", kind: "ask", weight: 1, occurredAt: daysAgo(2), summary: "Asked Olga", details: null });
    await logInteraction(db, team.owner, { contactId: ownersContact.id, direction: "gave", kind: "intro", weight: 3, occurredAt: daysAgo(1), summary: "Owner's intro", details: null });
    await createPromise(db, d, { contactId: shared.id, description: "Intro to Carol", dueOn: null });
    await recordActivity(db, { workspaceId: team.workspaceId, actorId: doomed.user.id, kind: "contact_added", contactId: shared.id });

    // Traces elsewhere: an invitation to their address, sign-in counters, tokens, OAuth, digests.
    const other = await makeTeam();
    const invited = await createInvitation(db, other.owner, { email: doomed.user.email, role: "member" });
    expect(invited.status).toBe("invited");
    await hit("signInPerEmail", doomed.user.email);
    await createAuthToken(db, { userId: doomed.user.id, purpose: "reset_password", tokenHash: hashToken(randomUUID()), ttlMs: 60_000 });
    await db.insert(accounts).values({ userId: doomed.user.id, type: "oauth", provider: "github", providerAccountId: randomUUID() });
    await db.insert(digestDeliveries).values({ workspaceId: team.workspaceId, userId: doomed.user.id, week: "2026-W01" });

    return { team, doomed, name, solo, shared, ownersContact, teamNote, other };
  }

  it("erases every trace of their personal data; what they shared stays, without their name", async () => {
    const s = await doomedUserInATeam();
    const needles = [s.doomed.user.id, s.doomed.user.email, s.name];
    expect((await traces(needles)).length).toBeGreaterThan(10);

    expect(await deleteAccount(db, s.doomed.user.id)).toEqual({ status: "deleted", workspacesDeleted: 2 });

    expect(await traces(needles)).toEqual([]);
    // Every session ends: each request checks the session against the users row.
    expect(await getSessionUser(db, s.doomed.user.id)).toBeUndefined();
    // Their personal and solo workspaces are gone, with everything in them.
    const gone = await db.select().from(workspaces).where(sql`${workspaces.id} in (${s.doomed.workspaceId}, ${s.solo.id})`);
    expect(gone).toEqual([]);

    // The team keeps what was shared: the contact they added and their team note, nameless.
    const [sam] = await db.select({ createdBy: contacts.createdBy }).from(contacts).where(and(eq(contacts.workspaceId, s.team.workspaceId), eq(contacts.id, s.shared.id)));
    expect(sam).toEqual({ createdBy: null });
    const seen = await listNotesForContact(db, s.team.owner, s.ownersContact.id);
    expect(seen.map((n) => [n.body, n.author, n.mine]).sort()).toEqual([
      ["Olga is hiring a designer", "A former member", false],
      ["Owner's own note", "Olivia Owner", true],
    ]);
    const [kept] = await db.select({ authorId: notes.authorId }).from(notes).where(eq(notes.id, s.teamNote?.id ?? ""));
    expect(kept).toEqual({ authorId: null });

    // The team's audit log says an account was deleted, and nothing more about whose.
    const entries = (await listAudit(db, s.team.workspaceId)).filter((e) => e.action === "account.deleted");
    expect(entries).toMatchObject([{ actor: null, target: null, details: { workspaceDeleted: false } }]);
    // The other team's pending invitation to that address is gone, and its audit entry no longer names them.
    expect(await db.select().from(invitations).where(eq(invitations.workspaceId, s.other.workspaceId))).toEqual([]);
    expect(await listAudit(db, s.other.workspaceId)).toMatchObject([{ action: "invitation.sent", target: null }]);
  });

  it("is refused while they are the last owner of a team with other members, and changes nothing", async () => {
    const team = await makeTeam();
    const before = await traces([team.owner.userId]);
    const result = await deleteAccount(db, team.owner.userId);
    expect(result.status).toBe("last_owner");
    expect(result.status === "last_owner" && result.workspaces).toHaveLength(1);
    expect(await getSessionUser(db, team.owner.userId)).toBeDefined();
    expect(await traces([team.owner.userId])).toEqual(before);

    // Once someone else is an owner too, it goes through.
    expect(await changeRole(db, team.owner, { userId: team.member.userId, role: "owner" })).toBe("ok");
    expect(await deleteAccount(db, team.owner.userId)).toMatchObject({ status: "deleted" });
    const left = await db.select({ userId: memberships.userId, role: memberships.role }).from(memberships).where(eq(memberships.workspaceId, team.workspaceId));
    expect(left).toEqual([{ userId: team.member.userId, role: "owner" }]);
  });

  it("answers not_found for an account that is already gone", async () => {
    const { user } = await makeScopedUser();
    expect(await deleteAccount(db, user.id)).toMatchObject({ status: "deleted" });
    expect(await deleteAccount(db, user.id)).toEqual({ status: "not_found" });
  });
});

describe("deleting a workspace", () => {
  it("removes everything in it; the audit entry outlives it", async () => {
    const team = await makeTeam();
    const c = await createContact(db, team.owner, contactInput({ name: "Team Contact", emails: "tc@example.com" }));
    await createNote(db, team.member, { contactId: c.id, body: "team note", visibility: "team" });
    await createNote(db, team.member, { contactId: c.id, body: "private note", visibility: "private" });
    await logInteraction(db, team.member, { contactId: c.id, direction: "gave", kind: "gift", weight: 2, occurredAt: daysAgo(1), summary: "Gift", details: null });
    await createPromise(db, team.owner, { contactId: c.id, description: "Intro", dueOn: null });
    await createInvitation(db, team.owner, { email: `someone-${randomUUID()}@example.test`, role: "member" });
    await recordActivity(db, { workspaceId: team.workspaceId, actorId: team.owner.userId, kind: "contact_added", contactId: c.id });

    const result = await deleteWorkspace(db, team.workspaceId, team.owner.userId);
    expect(result.status).toBe("deleted");

    expect(await traces([team.workspaceId], ["audit_log"])).toEqual([]);
    const entries = await listAudit(db, team.workspaceId);
    expect(entries.map((e) => e.action)).toContain("workspace.deleted");
    expect(entries.find((e) => e.action === "workspace.deleted")).toMatchObject({ actor: "Olivia Owner", details: { contacts: 1, members: 2 } });
    // The members themselves are fine, and still have their personal workspaces.
    expect(await getSessionUser(db, team.member.userId)).toBeDefined();
    expect(await db.select().from(workspaces).where(eq(workspaces.id, team.ownerElsewhere.workspaceId))).toHaveLength(1);
  });

  it("refuses a personal workspace: it goes only with the account", async () => {
    const { workspaceId, user } = await makeScopedUser();
    expect(await deleteWorkspace(db, workspaceId, user.id)).toEqual({ status: "personal" });
    expect(await db.select().from(workspaces).where(eq(workspaces.id, workspaceId))).toHaveLength(1);
  });
});
