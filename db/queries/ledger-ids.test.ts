import { randomUUID } from "node:crypto";
import { and, eq, sum } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import { interactions, memberFlows, relationshipStats } from "@/db/schema";
import { contactInput, makeScopedUser, makeTeam } from "@/lib/testing/factories";
import { createContact, type Scope } from "./contacts";
import { InteractionIdTaken, logInteraction, type InteractionInput } from "./ledger";

// Client-chosen ids: a retry of the same write (the answer was lost, the database restarted)
// must land once, and an id must never reach into anyone else's entries.

let db: Db;
beforeAll(async () => {
  db = await getDb();
});

const entry = (contactId: string, fields: Partial<InteractionInput> = {}): InteractionInput => ({
  contactId, direction: "gave", kind: "advice", weight: 3, occurredAt: new Date("2026-02-10T12:00:00Z"), summary: "Reviewed her deck", details: null, ...fields,
});

async function rowsWithId(id: string) {
  return db.select().from(interactions).where(eq(interactions.id, id));
}

/** What the relationship's rollups say for one member: stats row and the member's daily flows. */
async function rollups(scope: Scope, contactId: string) {
  const [stats] = await db
    .select({ n: relationshipStats.interactionCount, give: relationshipStats.giveSum })
    .from(relationshipStats)
    .where(and(eq(relationshipStats.workspaceId, scope.workspaceId), eq(relationshipStats.userId, scope.userId), eq(relationshipStats.contactId, contactId)));
  const [flows] = await db
    .select({ gave: sum(memberFlows.gaveCount) })
    .from(memberFlows)
    .where(and(eq(memberFlows.workspaceId, scope.workspaceId), eq(memberFlows.userId, scope.userId)));
  return { stats, gave: Number(flows?.gave ?? 0) };
}

describe("logInteraction with a client-chosen id", () => {
  it("creates the entry under that id, and a repeat changes nothing", async () => {
    const me = await makeScopedUser();
    const { id: contactId } = await createContact(db, me.scope, contactInput());
    const id = randomUUID();

    expect(await logInteraction(db, me.scope, { ...entry(contactId), id })).toEqual({ id, created: true });
    const after = await rollups(me.scope, contactId);
    expect(after.stats?.n).toBe(1);
    expect(after.gave).toBe(1);

    // The repeat may differ (a client that rebuilt the body): the first write stands.
    expect(await logInteraction(db, me.scope, { ...entry(contactId, { summary: "Changed", weight: 5 }), id })).toEqual({ id, created: false });
    const rows = await rowsWithId(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ summary: "Reviewed her deck", weight: 3, userId: me.user.id });
    expect(await rollups(me.scope, contactId)).toEqual(after);
  });

  it("lands once when the same id arrives several times at once", async () => {
    const me = await makeScopedUser();
    const { id: contactId } = await createContact(db, me.scope, contactInput());
    const id = randomUUID();
    const results = await Promise.all(Array.from({ length: 6 }, () => logInteraction(db, me.scope, { ...entry(contactId), id })));
    expect(results.filter((r) => r?.created)).toHaveLength(1);
    expect(results.every((r) => r?.id === id)).toBe(true);
    expect(await rowsWithId(id)).toHaveLength(1);
    expect(await rollups(me.scope, contactId)).toMatchObject({ stats: { n: 1 }, gave: 1 });
  });

  it("refuses an id that is a teammate's, another workspace's, or another contact's, and changes nothing", async () => {
    const team = await makeTeam();
    const { id: shared } = await createContact(db, team.owner, contactInput({ name: "Shared Contact" }));
    const { id: other } = await createContact(db, team.owner, contactInput({ name: "Other Contact" }));
    const id = randomUUID();
    await logInteraction(db, team.owner, { ...entry(shared), id });
    const ownerBefore = await rollups(team.owner, shared);

    // A teammate sees the owner's entries (the timeline is shared) but cannot take over the id.
    await expect(logInteraction(db, team.member, { ...entry(shared, { summary: "hijack" }), id })).rejects.toBeInstanceOf(InteractionIdTaken);
    expect(await rollups(team.member, shared)).toEqual({ stats: undefined, gave: 0 });

    // Another workspace (the owner's own personal one, with a contact of its own).
    const { id: elsewhere } = await createContact(db, team.ownerElsewhere, contactInput());
    await expect(logInteraction(db, team.ownerElsewhere, { ...entry(elsewhere), id })).rejects.toBeInstanceOf(InteractionIdTaken);
    expect(await rollups(team.ownerElsewhere, elsewhere)).toEqual({ stats: undefined, gave: 0 });

    // The same member, another contact.
    await expect(logInteraction(db, team.owner, { ...entry(other), id })).rejects.toBeInstanceOf(InteractionIdTaken);

    const rows = await rowsWithId(id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ workspaceId: team.workspaceId, userId: team.owner.userId, contactId: shared, summary: "Reviewed her deck" });
    expect(await rollups(team.owner, shared)).toEqual(ownerBefore);
  });

  it("still refuses another workspace's contact first, whatever the id", async () => {
    const a = await makeScopedUser();
    const b = await makeScopedUser();
    const { id: theirs } = await createContact(db, a.scope, contactInput());
    expect(await logInteraction(db, b.scope, { ...entry(theirs), id: randomUUID() })).toBeUndefined();
    expect(await db.select().from(interactions).where(eq(interactions.contactId, theirs))).toHaveLength(0);
  });

  it("without an id, makes a new one each time", async () => {
    const me = await makeScopedUser();
    const { id: contactId } = await createContact(db, me.scope, contactInput());
    const first = await logInteraction(db, me.scope, entry(contactId));
    const second = await logInteraction(db, me.scope, entry(contactId));
    expect(first?.created && second?.created).toBe(true);
    expect(first?.id).not.toBe(second?.id);
  });
});
