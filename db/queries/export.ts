import "server-only";
import { asSystem, inTenant } from "@/db/tenant";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, contacts, interactions, memberships, notes, promises, users, workspaces } from "@/db/schema";
import type { ExportContact } from "@/lib/export/types";
import { recordAudit } from "./audit";

const exportColumns = {
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
  connectedOn: contacts.connectedOn,
  archived: sql<boolean>`${contacts.archivedAt} is not null`,
};

/**
 * Every contact of the workspace (archived ones too, marked), in name order, for a CSV or
 * vCard export — and the audit entry that says who took them, in the same transaction.
 */
export async function exportWorkspaceContacts(
  db: Db,
  scope: { workspaceId: string; userId: string },
  format: "csv" | "vcard",
): Promise<ExportContact[]> {
  return inTenant(db, scope.workspaceId, async (tx) => {
    const rows = await tx
      .select(exportColumns)
      .from(contacts)
      .where(eq(contacts.workspaceId, scope.workspaceId))
      .orderBy(asc(sql`lower(${contacts.name})`), asc(contacts.id));
    await recordAudit(tx, {
      workspaceId: scope.workspaceId,
      actorId: scope.userId,
      action: "contacts.exported",
      details: { format, count: rows.length },
    });
    return rows;
  });
}

/** Everything a person put into Mutual, as one JSON document (PRODUCT.md §1: "export all of their data"). */
export type PersonalDataExport = Awaited<ReturnType<typeof exportPersonalData>>;

/**
 * All of one's own data, and nothing anyone else may keep from them: the account (never the
 * password hash or tokens), memberships, the contacts one created, one's interactions and
 * promises, and the notes one wrote — private ones included. Other people's notes are not
 * one's own data and are left out, private or not. Only workspaces one is still a member of
 * count: after leaving a team, its data is no longer one's to take.
 */
export async function exportPersonalData(db: Db, userId: string, now = new Date()) {
  return asSystem(db, async (tx) => {
    const [account] = await tx
      .select({
        id: users.id,
        name: users.name,
        email: users.email,
        emailVerifiedAt: users.emailVerified,
        timeZone: users.timeZone,
        digest: { enabled: users.digestEnabled, weekday: users.digestWeekday, hour: users.digestHour },
        createdAt: users.createdAt,
      })
      .from(users)
      .where(eq(users.id, userId));
    if (!account) throw new Error(`exportPersonalData: no user ${userId}`);
    const signInWith = await tx.select({ provider: accounts.provider }).from(accounts).where(eq(accounts.userId, userId));

    const member = await tx
      .select({
        workspaceId: workspaces.id,
        slug: workspaces.slug,
        name: workspaces.name,
        personal: workspaces.personal,
        role: memberships.role,
        joinedAt: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
      .where(eq(memberships.userId, userId))
      .orderBy(desc(workspaces.personal), asc(workspaces.name));
    const ids = member.map((m) => m.workspaceId);
    const slugOf = new Map(member.map((m) => [m.workspaceId, m.slug]));
    const [myContacts, myInteractions, myPromises, myNotes] = await Promise.all([
      tx
        .select({ workspaceId: contacts.workspaceId, ...exportColumns, createdAt: contacts.createdAt, updatedAt: contacts.updatedAt })
        .from(contacts)
        .where(and(inArray(contacts.workspaceId, ids), eq(contacts.createdBy, userId)))
        .orderBy(asc(contacts.workspaceId), asc(contacts.createdAt), asc(contacts.id)),
      tx
        .select({
          id: interactions.id,
          workspaceId: interactions.workspaceId,
          contactId: interactions.contactId,
          contactName: contacts.name,
          direction: interactions.direction,
          kind: interactions.kind,
          weight: interactions.weight,
          occurredAt: interactions.occurredAt,
          summary: interactions.summary,
          details: interactions.details,
          createdAt: interactions.createdAt,
        })
        .from(interactions)
        .innerJoin(contacts, and(eq(contacts.workspaceId, interactions.workspaceId), eq(contacts.id, interactions.contactId)))
        .where(and(inArray(interactions.workspaceId, ids), eq(interactions.userId, userId)))
        .orderBy(asc(interactions.occurredAt), asc(interactions.id)),
      tx
        .select({
          id: promises.id,
          workspaceId: promises.workspaceId,
          contactId: promises.contactId,
          contactName: contacts.name,
          description: promises.description,
          dueOn: promises.dueOn,
          status: promises.status,
          createdAt: promises.createdAt,
          closedAt: promises.closedAt,
        })
        .from(promises)
        .innerJoin(contacts, and(eq(contacts.workspaceId, promises.workspaceId), eq(contacts.id, promises.contactId)))
        .where(and(inArray(promises.workspaceId, ids), eq(promises.userId, userId)))
        .orderBy(asc(promises.createdAt), asc(promises.id)),
      tx
        .select({
          id: notes.id,
          workspaceId: notes.workspaceId,
          contactId: notes.contactId,
          contactName: contacts.name,
          visibility: notes.visibility,
          body: notes.body,
          createdAt: notes.createdAt,
          updatedAt: notes.updatedAt,
        })
        .from(notes)
        .innerJoin(contacts, and(eq(contacts.workspaceId, notes.workspaceId), eq(contacts.id, notes.contactId)))
        // Only one's own notes: a teammate's note — private or shared — is theirs to export.
        .where(and(inArray(notes.workspaceId, ids), eq(notes.authorId, userId)))
        .orderBy(asc(notes.createdAt), asc(notes.id)),
    ]);

    // Each workspace's owners see that its contacts and notes left with this export.
    for (const workspaceId of ids) await recordAudit(tx, { workspaceId, actorId: userId, action: "data.exported" });

    const withSlug = <T extends { workspaceId: string }>(rows: T[]) =>
      rows.map(({ workspaceId, ...rest }) => ({ workspace: slugOf.get(workspaceId) ?? workspaceId, ...rest }));
    return {
      format: "mutual-personal-data/1",
      exportedAt: now.toISOString(),
      account: { ...account, signInWith: signInWith.map((a) => a.provider) },
      memberships: member.map(({ workspaceId: _id, ...m }) => m),
      contacts: withSlug(myContacts),
      interactions: withSlug(myInteractions),
      promises: withSlug(myPromises),
      notes: withSlug(myNotes),
    };
  });
}
