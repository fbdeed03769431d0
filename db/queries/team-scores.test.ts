import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, type Db } from "@/db/client";
import { memberships } from "@/db/schema";
import { contactInput, makeTeam } from "@/lib/testing/factories";
import { scoreRelationship } from "@/lib/scoring";
import { createContact } from "./contacts";
import { logInteraction, type InteractionInput } from "./ledger";
import { getTeamView, listAskCollisions } from "./team-scores";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});

const now = new Date("2026-06-01T12:00:00Z");
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const entry = (contactId: string, e: Partial<InteractionInput>): InteractionInput => ({
  contactId,
  direction: "gave",
  kind: "favor",
  weight: 3,
  occurredAt: daysAgo(1),
  summary: "entry",
  details: null,
  ...e,
});

describe("team view of a contact", () => {
  it("ranks members by strength and sums G, R, M over them like one relationship", async () => {
    const t = await makeTeam();
    const { id } = await createContact(db, t.owner, contactInput({ name: "Shared Person" }));
    await logInteraction(db, t.owner, entry(id, { direction: "gave", kind: "intro", weight: 3, occurredAt: daysAgo(10) }));
    await logInteraction(db, t.member, entry(id, { direction: "received", kind: "referral", weight: 5, occurredAt: daysAgo(20) }));
    await logInteraction(db, t.member, entry(id, { direction: "mutual", kind: "call", weight: 2, occurredAt: daysAgo(5) }));

    const view = await getTeamView(db, t.workspaceId, id, now);
    expect(view.members.map((m) => m.userId)).toEqual([t.member.userId, t.owner.userId]);
    const reference = scoreRelationship(
      [
        { direction: "gave", weight: 3, occurredAt: daysAgo(10) },
        { direction: "received", weight: 5, occurredAt: daysAgo(20) },
        { direction: "mutual", weight: 2, occurredAt: daysAgo(5) },
      ],
      now,
    );
    expect(view.team.balance).toBeCloseTo(reference.balance, 9);
    expect(view.team.strength).toBe(reference.strength);
    expect(view.team.state).toBe(reference.state);
  });

  it("leaves out people who are no longer members", async () => {
    const t = await makeTeam();
    const { id } = await createContact(db, t.owner, contactInput({ name: "Left Behind" }));
    await logInteraction(db, t.member, entry(id, {}));
    await db.delete(memberships).where(and(eq(memberships.workspaceId, t.workspaceId), eq(memberships.userId, t.member.userId)));
    expect((await getTeamView(db, t.workspaceId, id, now)).members).toEqual([]);
  });
});

describe("ask collisions", () => {
  it("flags two members asking the same contact within 30 days, and nothing else", async () => {
    const t = await makeTeam();
    const asked = await createContact(db, t.owner, contactInput({ name: "Asked Twice" }));
    const once = await createContact(db, t.owner, contactInput({ name: "Asked By One" }));
    const stale = await createContact(db, t.owner, contactInput({ name: "Asked Long Ago" }));
    const ask = { direction: "received", kind: "ask", weight: 1 } as const;
    await logInteraction(db, t.owner, entry(asked.id, { ...ask, occurredAt: daysAgo(3) }));
    await logInteraction(db, t.member, entry(asked.id, { ...ask, occurredAt: daysAgo(12) }));
    await logInteraction(db, t.owner, entry(once.id, { ...ask, occurredAt: daysAgo(2) }));
    await logInteraction(db, t.owner, entry(once.id, { ...ask, occurredAt: daysAgo(4) }));
    await logInteraction(db, t.owner, entry(stale.id, { ...ask, occurredAt: daysAgo(3) }));
    await logInteraction(db, t.member, entry(stale.id, { ...ask, occurredAt: daysAgo(45) }));

    const collisions = await listAskCollisions(db, t.workspaceId, now);
    expect(collisions.map((c) => c.name)).toEqual(["Asked Twice"]);
    expect(collisions[0]?.askers.sort()).toEqual(["Max Member", "Olivia Owner"]);
    expect(await listAskCollisions(db, t.ownerElsewhere.workspaceId, now)).toEqual([]);
    expect((await listAskCollisions(db, t.workspaceId, now, once.id)).length).toBe(0);
  });
});
