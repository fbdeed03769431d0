/**
 * The dashboard on the seeded database (npm run seed:large), as the `seed-large` member with
 * the most interactions:
 *
 *   DATABASE_URL=… npm run bench:dashboard [-- options]
 *
 * 1. Data: getDashboard (what the page and its JSON route fetch: its queries side by side on
 *    the pool) and each of its queries alone, one call at a time; `select 1` as the floor.
 * 2. HTTP (--http): starts `next start` of the production build (NEXT_DIST_DIR, default
 *    .next) against the same database, signs in as that member through Auth.js, then per
 *    route a warm-up at 8 connections, --duration seconds at 1 connection (p50/p95/p99) and
 *    at 8 connections (requests/s): the dashboard page, its JSON route, and beside them the
 *    framework's floors on the same server: /api/health (one database round trip) and
 *    /sign-in (a small dynamic page).
 *
 * Budget (PRODUCT.md §10, issue #5): dashboard p95 ≤ 150 ms at one request at a time on
 * PostgreSQL, 2 cores. --explain prints EXPLAIN (ANALYZE, BUFFERS) of every statement
 * getDashboard sends. Writes bench/results/dashboard-<timestamp>.json.
 */
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { closeDb, getHandle, queryRows, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import {
  getDashboard,
  listIntroIdeas,
  listPromisesDue,
  listTopAskCollisions,
  memberFlow,
  relationshipOverview,
} from "@/db/queries/dashboard";
import { todayIn } from "@/lib/dates";
import { measureHttp, type HttpFigures } from "./lib/http-measure";
import { commit, load1, machine, warnIfBusy } from "./lib/machine";
import { buildDir, root, runBench, startNextServer } from "./lib/server";
import { SEED_PASSWORD, pickMember as pickSeedMember, type BenchMember as Member, type BenchWorkspace } from "./lib/seed-data";
import { signIn } from "./lib/sign-in";
import { capturingDb, explainStatements } from "./lib/sql";
import { percentile, round } from "./lib/stats";
import { markdownTable as table } from "./lib/table";

const BUDGET_MS = 150;
const CONNECTIONS = 8;
const USAGE = `Usage: npm run bench:dashboard [-- options]
  --runs N          timed calls per data case (default 100)
  --warmup N        untimed calls per data case first (default 10)
  --workspace SLUG  workspace (default seed-large)
  --user EMAIL      member (default: the one with the most interactions)
  --explain         print EXPLAIN (ANALYZE, BUFFERS) of every statement of getDashboard
  --http            also measure over HTTP against \`next start\` of the production build
  --duration S      seconds per HTTP run (default 10)
  --http-warmup S   seconds of HTTP warm-up per route (default 3)
  --no-data         skip the data part
  --cpu             also the CPU time each case costs the PostgreSQL backend (from /proc: a local
                    server only) and this process — a figure that other load on the machine
                    does not inflate, unlike wall time`;

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "100" },
    warmup: { type: "string", default: "10" },
    workspace: { type: "string", default: "seed-large" },
    user: { type: "string" },
    explain: { type: "boolean", default: false },
    http: { type: "boolean", default: false },
    duration: { type: "string", default: "10" },
    "http-warmup": { type: "string", default: "3" },
    "no-data": { type: "boolean", default: false },
    cpu: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const duration = Number(values.duration);
const httpWarmup = Number(values["http-warmup"]);
if (![runs, warmup, duration, httpWarmup].every((n) => Number.isFinite(n) && n >= 0) || runs < 1) {
  console.error(USAGE);
  process.exit(1);
}

const log = (msg: string) => console.error(`[bench] ${msg}`);



// ---------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------



type DataRow = { name: string; result: string; p50: number; p95: number; p99: number; min: number; verdict: string };

const pickMember = (db: Db) => pickSeedMember(db, values.workspace, values.user);


async function dataPart(db: Db, kind: "postgres" | "pglite", workspace: BenchWorkspace, member: Member) {
  const scope = { workspaceId: workspace.id, userId: member.id };
  const tz = member.timeZone;
  const team = !workspace.personal;
  const cases: { name: string; budget?: number; call: (db: Db, now: Date) => Promise<string> }[] = [
    { name: "select 1 (round-trip floor)", call: async (d) => (await queryRows(d, sql`select 1 as one`), "-") },
    {
      name: "getDashboard (whole page, parallel)",
      budget: BUDGET_MS,
      call: async (d, now) => {
        const r = await getDashboard(d, scope, { timeZone: tz, today: todayIn(tz, now), team, now });
        return `${r.headline.relationships} rel., ${r.lists.giveBack.length}/${r.lists.goingCold.length}/${r.lists.promisesDue.length}/${r.lists.askStreaks.length} listed, ${r.introIdeas.length} ideas, ${r.askCollisions?.length ?? "-"} coll.`;
      },
    },
    { name: "  relationshipOverview", call: async (d, now) => `${(await relationshipOverview(d, scope, now)).relationships} rel.` },
    { name: "  memberFlow", call: async (d, now) => `streak ${(await memberFlow(d, scope, tz, now)).giveStreak}` },
    { name: "  listPromisesDue", call: async (d, now) => `${(await listPromisesDue(d, scope, todayIn(tz, now))).length}` },
    { name: "  listIntroIdeas", call: async (d) => `${(await listIntroIdeas(d, scope)).length}` },
    ...(team ? [{ name: "  listTopAskCollisions", call: async (d: Db, now: Date) => `${(await listTopAskCollisions(d, workspace.id, now)).length}` }] : []),
  ];
  const rows: DataRow[] = [];
  for (const c of cases) {
    for (let i = 0; i < warmup; i++) await c.call(db, new Date());
    const times: number[] = [];
    let result = "";
    for (let i = 0; i < runs; i++) {
      const now = new Date();
      const t0 = performance.now();
      result = await c.call(db, now);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const p95 = percentile(times, 95);
    rows.push({
      name: c.name, result, p50: round(percentile(times, 50)), p95: round(p95), p99: round(percentile(times, 99)), min: round(times[0] ?? NaN),
      verdict: c.budget ? (p95 <= c.budget ? "PASS" : "OVER") : "-",
    });
    log(`${c.name.trim()}: p95 ${p95.toFixed(1)} ms`);
  }
  console.log(`\nDashboard data, ${member.email} (${member.interactions.toLocaleString("en")} interactions, ${member.relationships.toLocaleString("en")} relationships), ${runs} runs after ${warmup} warm-up\n`);
  console.log(table([["case", "result", "min ms", "p50 ms", "p95 ms", "p99 ms", "budget p95", "verdict"], ...rows.map((r) => [r.name, r.result, r.min.toFixed(2), r.p50.toFixed(2), r.p95.toFixed(2), r.p99.toFixed(2), r.verdict === "-" ? "-" : `${BUDGET_MS} ms`, r.verdict])]));

  let plans: { sql: string; plan: string }[] = [];
  if (values.explain) {
    const capture = capturingDb(db, kind);
    const now = new Date();
    await getDashboard(capture.db, scope, { timeZone: tz, today: todayIn(tz, now), team, now });
    plans = (await explainStatements(db, capture.take())).map(({ sql: text, plan }) => ({ sql: text, plan }));
    for (const p of plans) console.log(`\n--- ${p.sql.replace(/\s+/g, " ").slice(0, 160)}…\n${p.plan}`);
  }
  return { rows, plans };
}

/**
 * CPU per call, with the queries run one after another on ONE connection: the backend's
 * utime + stime from /proc/<pid>/stat (10 ms ticks, so averaged over --runs calls) and this
 * process's own. On a shared machine wall time mostly measures the neighbours; this does not.
 */
async function cpuPart(workspace: BenchWorkspace, member: Member) {
  const postgres = (await import("postgres")).default;
  const client = postgres(process.env.DATABASE_URL ?? "", { max: 1, onnotice: () => {}, connection: { jit: "off" } });
  const db = drizzlePostgres({ client, schema, casing: "snake_case" }) as unknown as Db;
  try {
    const [{ pid } = { pid: 0 }] = await queryRows<{ pid: number }>(db, sql`select pg_backend_pid() as pid`);
    const stat = `/proc/${pid}/stat`;
    if (!fs.existsSync(stat)) {
      log(`--cpu: ${stat} is not readable here (is PostgreSQL on this machine?); skipped`);
      return null;
    }
    const ticks = () => {
      const f = fs.readFileSync(stat, "utf8").split(") ")[1]!.split(" ");
      return Number(f[11]) + Number(f[12]);
    };
    const hz = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    const scope = { workspaceId: workspace.id, userId: member.id };
    const tz = member.timeZone;
    const cases: Record<string, (now: Date) => Promise<unknown>> = {
      "getDashboard (serialised)": (now) => getDashboard(db, scope, { timeZone: tz, today: todayIn(tz, now), team: !workspace.personal, now }),
      "  relationshipOverview": (now) => relationshipOverview(db, scope, now),
      "  memberFlow": (now) => memberFlow(db, scope, tz, now),
      "  listPromisesDue": (now) => listPromisesDue(db, scope, todayIn(tz, now)),
      "  listIntroIdeas": () => listIntroIdeas(db, scope),
      ...(workspace.personal ? {} : { "  listTopAskCollisions": (now: Date) => listTopAskCollisions(db, workspace.id, now) }),
    };
    const rows: { name: string; dbCpu: number; nodeCpu: number; wall: number }[] = [];
    for (const [name, call] of Object.entries(cases)) {
      for (let i = 0; i < Math.min(warmup, 3); i++) await call(new Date());
      const t0 = ticks();
      const c0 = process.cpuUsage();
      const w0 = performance.now();
      for (let i = 0; i < runs; i++) await call(new Date());
      const c = process.cpuUsage(c0);
      rows.push({ name, dbCpu: round(((ticks() - t0) * 1000) / hz / runs), nodeCpu: round((c.user + c.system) / 1000 / runs), wall: round((performance.now() - w0) / runs) });
    }
    console.log(`\nCPU per call (one connection, ${runs} calls each, averaged)\n`);
    console.log(table([["case", "PostgreSQL CPU ms", "Node CPU ms", "wall ms (mean)"], ...rows.map((r) => [r.name, r.dbCpu.toFixed(1), r.nodeCpu.toFixed(1), r.wall.toFixed(1)])]));
    return rows;
  } finally {
    await client.end({ timeout: 5 });
  }
}

// ---------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------






type HttpRow = HttpFigures & { route: string; what: string };

async function httpPart(member: Member, distDir: string) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-bench-dash-"));
  const started = Date.now();
  const server = await startNextServer({ distDir, env: { DATA_DIR: dataDir, AUTH_SECRET: randomBytes(33).toString("base64url"), APP_URL: undefined } });
  try {
    log(`next start on ${server.base} (${distDir}), PostgreSQL, healthy after ${((Date.now() - started) / 1000).toFixed(1)} s; signing in as ${member.email}`);
    const cookie = await signIn(server.base, member.email, SEED_PASSWORD);
    const routes: { route: string; what: string; headers: Record<string, string> }[] = [
      { route: `/w/${values.workspace}`, what: "dashboard page (server render + prefetch)", headers: { cookie } },
      { route: `/api/w/${values.workspace}/dashboard`, what: "dashboard JSON (React Query refetch)", headers: { cookie } },
      { route: "/api/health", what: "floor: route handler + 1 DB round trip", headers: {} },
      { route: "/sign-in", what: "floor: small dynamic page", headers: {} },
    ];
    const rows: HttpRow[] = [];
    for (const r of routes) {
      const url = server.base + r.route;
      const probe = await fetch(url, { redirect: "manual", headers: r.headers });
      const body = await probe.text();
      if (probe.status !== 200) throw new Error(`GET ${r.route} answered ${probe.status}, not 200`);
      if (r.route.startsWith("/w/") && !body.includes("Gave, 90 days")) throw new Error(`GET ${r.route} did not render the dashboard`);
      log(`${r.route}: ${(body.length / 1024).toFixed(0)} KiB; warm-up ${httpWarmup} s, then ${duration} s at 1 and at ${CONNECTIONS} connections`);
      const figures = await measureHttp({ url, headers: r.headers }, { warmupSeconds: httpWarmup, seconds: duration, connections: CONNECTIONS, onFailure: log });
      rows.push({ route: r.route, what: r.what, ...figures });
    }
    const health = rows.find((r) => r.route === "/api/health")!;
    const page = rows.find((r) => r.route.startsWith("/sign-in"))!;
    console.log(`\nDashboard over HTTP: next start (production build), PostgreSQL, ${os.cpus().length} cores, ${duration} s per run; p50–p99 at 1 connection, req/s at ${CONNECTIONS}\n`);
    console.log(
      table([
        ["route", "what", "p50 ms", "p95 ms", "p99 ms", `req/s @${CONNECTIONS}`, "p95 ÷ health", `req/s ÷ health`, "req/s ÷ /sign-in", "budget p95", "verdict"],
        ...rows.map((r) => {
          const budgeted = r.route.startsWith("/w/") || r.route.endsWith("/dashboard");
          return [
            r.route, r.what, r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), r.reqPerSec.toFixed(0),
            `${(r.p95 / health.p95).toFixed(1)}×`, `${(r.reqPerSec / health.reqPerSec).toFixed(2)}`, `${(r.reqPerSec / page.reqPerSec).toFixed(2)}`,
            budgeted ? `${BUDGET_MS} ms` : "-", budgeted ? (r.p95 <= BUDGET_MS ? "PASS" : "OVER") : "-",
          ];
        }),
      ]),
    );
    for (const r of rows.filter((x) => x.failures > 0)) console.error(`[bench] ${r.route}: ${r.failures} failed requests — figures are suspect`);
    return rows;
  } catch (err) {
    const output = server.tail();
    if (output) console.error(`--- last server output ---\n${output}`);
    throw err;
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const handle = await getHandle();
  const db = handle.db;
  let distDir = process.env.NEXT_DIST_DIR || ".next";
  if (values.http) {
    if (handle.kind !== "postgres") throw new Error("--http needs DATABASE_URL: the server and this process cannot share one PGlite folder");
    distDir = buildDir().distDir;
  }
  const loadAtStart = load1();
  warnIfBusy(log);
  const { workspace, member } = await pickMember(db);
  log(`${values.workspace}, ${member.email}: ${member.interactions.toLocaleString("en")} interactions, ${member.relationships.toLocaleString("en")} relationships`);
  const data = values["no-data"] ? null : await dataPart(db, handle.kind, workspace, member);
  const cpu = values.cpu && handle.kind === "postgres" ? await cpuPart(workspace, member) : null;
  const http = values.http ? await httpPart(member, distDir) : null;

  const when = new Date().toISOString();
  const outDir = path.join(root, "bench", "results");
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `dashboard-${when.replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        when, commit: commit(), database: handle.kind, workspace: values.workspace, member, runs, warmup, httpSeconds: duration,
        machine: { ...machine(), loadAverage: { atStart: loadAtStart, atEnd: load1() } },
        data, cpu, http,
      },
      null,
      2,
    ) + "\n",
  );
  console.log(`\nwritten: ${path.relative(root, file)} (load average ${loadAtStart} → ${load1()})`);
  return (http ?? []).some((r) => r.failures > 0) ? 1 : 0;
}

await runBench(async () => {
  try {
    return await main();
  } finally {
    await closeDb();
  }
}, log);
