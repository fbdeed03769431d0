/**
 * The dashboard's queries on the seeded database (npm run seed:large), run together as
 * the page runs them, for the member with the most interactions.
 *   DATABASE_URL=… npm run bench:dashboard [-- --runs 100]
 * Prints p50/p95/p99 per query and for the whole page's data (budget: p95 ≤ 150 ms).
 */
import { parseArgs } from "node:util";
import { desc, eq, sql } from "drizzle-orm";
import { closeDb, getDb } from "@/db/client";
import { getHeadline, listIntroIdeas, listPromisesDue, relationshipOverview, weeklyFlow } from "@/db/queries/dashboard";
import { listAskCollisions } from "@/db/queries/team-scores";
import { interactions, workspaces } from "@/db/schema";

const { values } = parseArgs({ options: { runs: { type: "string", default: "100" }, workspace: { type: "string", default: "seed-large" } } });
const runs = Number(values.runs);
const BUDGET_MS = 150;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

async function main() {
  const db = await getDb();
  const [ws] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, values.workspace));
  if (!ws) throw new Error(`No workspace "${values.workspace}": run npm run seed:large first.`);
  const [heavy] = await db
    .select({ userId: interactions.userId, n: sql<number>`count(*)::int` })
    .from(interactions)
    .where(eq(interactions.workspaceId, ws.id))
    .groupBy(interactions.userId)
    .orderBy(desc(sql`count(*)`))
    .limit(1);
  if (!heavy) throw new Error("The seeded workspace has no interactions.");
  const scope = { workspaceId: ws.id, userId: heavy.userId };
  const tz = "Europe/Berlin";
  const now = new Date();
  const today = now.toISOString().slice(0, 10);
  // As the page runs them: the overview (shares, distribution, three lists) once, shared with the headline.
  const parts: Record<string, () => Promise<unknown>> = {
    "overview + headline": () => getHeadline(db, scope, tz, now, relationshipOverview(db, scope, now)),
    weeklyFlow: () => weeklyFlow(db, scope, tz, now),
    promisesDue: () => listPromisesDue(db, scope, today),
    introIdeas: () => listIntroIdeas(db, scope),
    askCollisions: () => listAskCollisions(db, ws.id, now),
  };
  const times: Record<string, number[]> = { "whole page (parallel)": [] };
  for (const name of Object.keys(parts)) times[name] = [];
  const timed = async (name: string, fn: () => Promise<unknown>) => {
    const t0 = performance.now();
    await fn();
    times[name]?.push(performance.now() - t0);
  };
  for (let i = 0; i < 5; i++) await Promise.all(Object.values(parts).map((f) => f()));
  for (let i = 0; i < runs; i++) {
    for (const [name, fn] of Object.entries(parts)) await timed(name, fn);
    await timed("whole page (parallel)", () => Promise.all(Object.values(parts).map((f) => f())));
  }
  console.log(`\nDashboard queries, member with ${heavy.n} interactions, ${runs} runs each\n`);
  console.log("| query | p50 ms | p95 ms | p99 ms |\n|:--|--:|--:|--:|");
  for (const [name, xs] of Object.entries(times)) {
    console.log(`| ${name} | ${pct(xs, 50).toFixed(1)} | ${pct(xs, 95).toFixed(1)} | ${pct(xs, 99).toFixed(1)} |`);
  }
  const whole = pct(times["whole page (parallel)"] ?? [], 95);
  console.log(`\nwhole page p95 ${whole.toFixed(1)} ms: ${whole <= BUDGET_MS ? "PASS" : "OVER"} (budget ${BUDGET_MS} ms)`);
  await closeDb();
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  await closeDb();
  process.exit(1);
});
