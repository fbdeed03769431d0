import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import { auditLog, memberships } from "@/db/schema";
import { contactInput, makeTeam } from "@/lib/testing/factories";
import { createContact, setContactArchived } from "./contacts";
import { exportPersonalData, exportWorkspaceContacts } from "./export";
import { createPromise, logInteraction } from "./ledger";
import { createNote } from "./notes";
import { leaveWorkspace } from "./team";
import { setPassword } from "./users";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});

const mark = (label: string) => `${label}-${randomUUID().slice(0, 8)}`;

describe("workspace contacts export", () => {
  it("holds the workspace's contacts only, archived ones marked, and is audited", async () => {
    const team = await makeTeam();
    await createContact(db, team.owner, contactInput({ name: "Bea Team", emails: "bea@example.com", cadence: "none" }));
    const al = await createContact(db, team.member, contactInput({ name: "Al Team" }));
    await setContactArchived(db, team.workspaceId, al.id, true);
    await createContact(db, team.ownerElsewhere, contactInput({ name: "Not In This Workspace" }));
    const rows = await exportWorkspaceContacts(db, team.member, "vcard");
    expect(rows.map((r) => [r.name, r.emails, r.cadenceDays, r.archived])).toEqual([
      ["Al Team", [], 90, true],
      ["Bea Team", ["bea@example.com"], null, false],
    ]);
    const entries = await db
      .select({ actorId: auditLog.actorId, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, team.workspaceId), eq(auditLog.action, "contacts.exported")));
    expect(entries).toEqual([{ actorId: team.member.userId, details: { format: "vcard", count: 2 } }]);
  });
});

describe("export of all one's own data", () => {
  async function scene() {
    const team = await makeTeam();
    const m = {
      ownerContact: mark("owner-contact"),
      memberContact: mark("member-contact"),
      memberPersonal: mark("member-personal-contact"),
      ownerPrivate: mark("owner-private-note"),
      ownerTeam: mark("owner-team-note"),
      memberPrivate: mark("member-private-note"),
      memberTeam: mark("member-team-note"),
      ownerGave: mark("owner-gave"),
      memberAsked: mark("member-asked"),
      ownerPromise: mark("owner-promise"),
      memberPromise: mark("member-promise"),
      hash: mark("$argon2id$v=19$secret-hash"),
    };
    const c1 = await createContact(db, team.owner, contactInput({ name: m.ownerContact }));
    const c2 = await createContact(db, team.member, contactInput({ name: m.memberContact, interests: "Sailing" }));
    for (const [scope, body, visibility] of [
      [team.owner, m.ownerPrivate, "private"],
      [team.owner, m.ownerTeam, "team"],
      [team.member, m.memberPrivate, "private"],
      [team.member, m.memberTeam, "team"],
    ] as const) {
      await createNote(db, scope, { contactId: c2.id, body, visibility });
      await createNote(db, scope, { contactId: c1.id, body: `${body} (on the owner's contact)`, visibility });
    }
    const at = new Date(Date.now() - 86_400_000);
    await logInteraction(db, team.owner, { contactId: c2.id, direction: "gave", kind: "intro", weight: 3, occurredAt: at, summary: m.ownerGave, details: null });
    await logInteraction(db, team.member, { contactId: c1.id, direction: "received", kind: "ask", weight: 1, occurredAt: at, summary: m.memberAsked, details: "details" });
    await createPromise(db, team.owner, { contactId: c1.id, description: m.ownerPromise, dueOn: null });
    await createPromise(db, team.member, { contactId: c2.id, description: m.memberPromise, dueOn: "2030-01-01" });
    await setPassword(db, team.member.userId, m.hash);
    // The member's personal workspace: find it through their memberships.
    const [personal] = await db
      .select({ workspaceId: memberships.workspaceId })
      .from(memberships)
      .where(and(eq(memberships.userId, team.member.userId), eq(memberships.role, "owner")));
    if (!personal) throw new Error("no personal workspace");
    await createContact(db, { workspaceId: personal.workspaceId, userId: team.member.userId }, contactInput({ name: m.memberPersonal }));
    return { team, m, personalId: personal.workspaceId };
  }

  it("holds the account, memberships, own contacts, interactions, promises and notes — private ones included", async () => {
    const { team, m } = await scene();
    const data = await exportPersonalData(db, team.member.userId);
    expect(data.account).toMatchObject({ id: team.member.userId, name: "Max Member", timeZone: "Europe/London", signInWith: [] });
    expect(data.memberships.map((x) => [x.personal, x.role])).toEqual([
      [true, "owner"],
      [false, "member"],
    ]);
    expect(data.contacts.map((c) => c.name).sort()).toEqual([m.memberContact, m.memberPersonal].sort());
    expect(data.contacts.find((c) => c.name === m.memberContact)).toMatchObject({ interests: "Sailing", archived: false });
    expect(data.interactions).toMatchObject([{ summary: m.memberAsked, direction: "received", kind: "ask", details: "details" }]);
    expect(data.promises).toMatchObject([{ description: m.memberPromise, dueOn: "2030-01-01", status: "open" }]);
    expect(data.notes.map((n) => [n.body, n.visibility]).sort()).toEqual(
      [
        [m.memberPrivate, "private"],
        [`${m.memberPrivate} (on the owner's contact)`, "private"],
        [m.memberTeam, "team"],
        [`${m.memberTeam} (on the owner's contact)`, "team"],
      ].sort(),
    );
  });

  it("holds nothing the user may not see, nor secrets: no one else's notes, ledger or promises, no password hash", async () => {
    const { team, m } = await scene();
    const json = JSON.stringify(await exportPersonalData(db, team.member.userId));
    // The owner's contact may appear by name beside the member's own notes about it (the member
    // sees that contact); the owner's notes — private or shared — interactions and promises never.
    for (const theirs of [m.ownerPrivate, m.ownerTeam, m.ownerGave, m.ownerPromise]) expect(json).not.toContain(theirs);
    expect(json).not.toContain(m.hash);
    expect(json).not.toMatch(/passwordHash|password_hash|sessionVersion|tokenHash/);

    const ownerJson = JSON.stringify(await exportPersonalData(db, team.owner.userId));
    expect(ownerJson).not.toContain(m.memberPrivate);
    expect(ownerJson).not.toContain(m.memberPersonal);
  });

  it("leaves out a workspace one has left, and records the export in each workspace one is in", async () => {
    const { team, m, personalId } = await scene();
    expect(await leaveWorkspace(db, team.member)).toBe("ok");
    const data = await exportPersonalData(db, team.member.userId);
    expect(data.memberships).toHaveLength(1);
    expect(data.contacts.map((c) => c.name)).toEqual([m.memberPersonal]);
    expect(data.notes).toEqual([]);
    expect(data.interactions).toEqual([]);
    expect(data.promises).toEqual([]);
    const entries = await db
      .select({ workspaceId: auditLog.workspaceId })
      .from(auditLog)
      .where(and(eq(auditLog.actorId, team.member.userId), eq(auditLog.action, "data.exported")));
    expect(entries).toEqual([{ workspaceId: personalId }]);
  });
});
