import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getHandle, type Db } from "@/db/client";
import { createContact } from "@/db/queries/contacts";
import { getRelationship, logInteraction } from "@/db/queries/ledger";
import { interactions, relationshipStats } from "@/db/schema";
import { contactInput, makeScopedUser } from "@/lib/testing/factories";
import { capturePhases, replayOnce, replayUnits, sqlFloor, type DriverKind } from "./sql";

let db: Db;
let kind: DriverKind;
beforeAll(async () => {
  ({ db, kind } = await getHandle());
});

describe("replayUnits", () => {
  it("keeps each transaction whole, in order of first use, and statements outside one alone", () => {
    const st = (name: string, tx: number | null) => ({ sql: name, params: [], tx });
    const units = replayUnits([st("a1", 1), st("x", null), st("b1", 2), st("a2", 1), st("y", null), st("b2", 2)]);
    expect(units.map((u) => [u.tx, u.statements.map((s) => s.sql)])).toEqual([
      [true, ["a1", "a2"]],
      [false, ["x"]],
      [true, ["b1", "b2"]],
      [false, ["y"]],
    ]);
  });
});

describe("the raw SQL floor", () => {
  it("replays what a route's query functions sent, a write with a fresh id each time, inside its transaction", async () => {
    const { scope } = await makeScopedUser();
    const { id: contactId } = await createContact(db, scope, contactInput());
    const captureId = randomUUID();
    const fresh: string[] = [];
    const phases = await capturePhases(db, kind, [
      {
        name: "log",
        run: (d) =>
          logInteraction(d, scope, {
            id: captureId, contactId, direction: "gave", kind: "favor", weight: 3, occurredAt: new Date("2026-01-05T00:00:00Z"), summary: "Helped", details: null,
          }),
        rewrite: () => {
          const id = randomUUID();
          fresh.push(id);
          return (params) => params.map((p) => (p === captureId ? id : p));
        },
      },
      { name: "read", parallel: true, run: (d) => Promise.all([getRelationship(d, scope, contactId), getRelationship(d, scope, contactId)]) },
    ]);
    // Each read is two statements: binding its transaction to the workspace (inTenant's
    // set_config, row-level security) and the query itself.
    expect(phases.map((p) => p.statements.length)).toEqual([expect.any(Number), 4]);
    expect(phases[0]!.statements.some((s) => s.params.includes(captureId))).toBe(true);
    // The write is one transaction; the two reads are two transactions, replayed side by side.
    expect(replayUnits(phases[0]!.statements).map((u) => u.tx)).toEqual([true]);
    expect(replayUnits(phases[1]!.statements).map((u) => [u.tx, u.statements.length])).toEqual([[true, 2], [true, 2]]);

    await replayOnce(db, kind, phases);
    const figures = await sqlFloor(db, kind, phases, 3, 1);
    expect(figures.n).toBe(3);
    expect(figures.p95).toBeGreaterThan(0);

    // The captured write, then 1 + 1 + 3 replays, each with its own id; the stats rewrite saw them all.
    expect(fresh).toHaveLength(5);
    const [row] = await db.select({ n: count() }).from(interactions).where(and(eq(interactions.workspaceId, scope.workspaceId), eq(interactions.contactId, contactId)));
    expect(row?.n).toBe(6);
    const [stats] = await db
      .select({ n: relationshipStats.interactionCount })
      .from(relationshipStats)
      .where(and(eq(relationshipStats.workspaceId, scope.workspaceId), eq(relationshipStats.userId, scope.userId), eq(relationshipStats.contactId, contactId)));
    expect(stats?.n).toBe(6);
  });
});
