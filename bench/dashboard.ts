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
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { sql, type SQL } from "drizzle-orm";
import type { Logger } from "drizzle-orm/logger";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { PGlite } from "@electric-sql/pglite";
import type { Sql } from "postgres";
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

const root = path.resolve(import.meta.dirname, "..");
const BUDGET_MS = 150;
const CONNECTIONS = 8;
const SEED_PASSWORD = "seed password 123";
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
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** Nearest-rank percentile of ascending samples. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join("\n");
}

// ---------------------------------------------------------------------------------------
// Data
// ---------------------------------------------------------------------------------------

type Statement = { sql: string; params: unknown[] };

/** A second drizzle instance over the app's connection whose logger keeps every statement sent. */
function capturingDb(db: Db, kind: "postgres" | "pglite"): { db: Db; take: () => Statement[] } {
  let seen: Statement[] = [];
  const logger: Logger = { logQuery: (q, params) => void seen.push({ sql: q, params }) };
  const client: unknown = (db as unknown as { $client?: unknown }).$client;
  let wrapped: Db;
  if (kind === "pglite" && client instanceof PGlite) {
    wrapped = drizzlePglite({ client, schema, casing: "snake_case", logger }) as unknown as Db;
  } else if (kind === "postgres" && typeof client === "function") {
    wrapped = drizzlePostgres({ client: client as Sql, schema, casing: "snake_case", logger }) as unknown as Db;
  } else {
    throw new Error("cannot reach the database client behind getDb() to capture SQL");
  }
  return { db: wrapped, take: () => [seen, (seen = [])][0]! };
}

/** Rebuilds a logged statement ($1…$n) as a drizzle SQL object, so either driver binds the same values. */
function rebuild(text: string, params: readonly unknown[]): SQL {
  return sql.join(text.split(/\$(\d+)/).map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${params[Number(part) - 1]}`)));
}

type DataRow = { name: string; result: string; p50: number; p95: number; p99: number; min: number; verdict: string };
type Member = { id: string; email: string; timeZone: string; interactions: number; relationships: number };

async function pickMember(db: Db): Promise<{ workspace: { id: string; personal: boolean }; member: Member }> {
  const [ws] = await queryRows<{ id: string; personal: boolean }>(db, sql`select id, personal from workspaces where slug = ${values.workspace}`);
  if (!ws) throw new Error(`No workspace "${values.workspace}": run npm run seed:large first.`);
  // The rollup has every member's totals in a few thousand rows; counting 2,000,000 interactions would take seconds.
  const members = await queryRows<Member>(
    db,
    sql`select u.id, u.email, u.time_zone as "timeZone",
          coalesce((select sum(gave_count + received_count + mutual_count) from member_flows f where f.workspace_id = m.workspace_id and f.user_id = u.id), 0)::int as interactions,
          (select count(*) from relationship_stats s where s.workspace_id = m.workspace_id and s.user_id = u.id)::int as relationships
        from memberships m join users u on u.id = m.user_id where m.workspace_id = ${ws.id}
        order by interactions desc, u.email`,
  );
  const member = values.user ? members.find((m) => m.email === values.user) : members[0];
  if (!member) throw new Error(values.user ? `${values.user} is not a member of ${values.workspace}` : "the workspace has no members");
  return { workspace: ws, member };
}

async function dataPart(db: Db, kind: "postgres" | "pglite", workspace: { id: string; personal: boolean }, member: Member) {
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
    for (const s of capture.take()) {
      const res = await queryRows<Record<string, unknown>>(db, sql.join([sql.raw("explain (analyze, buffers) "), rebuild(s.sql, s.params)]));
      plans.push({ sql: s.sql, plan: res.map((r) => String(Object.values(r)[0])).join("\n") });
    }
    for (const p of plans) console.log(`\n--- ${p.sql.replace(/\s+/g, " ").slice(0, 160)}…\n${p.plan}`);
  } else plans = [];
  return { rows, plans };
}

/**
 * CPU per call, with the queries run one after another on ONE connection: the backend's
 * utime + stime from /proc/<pid>/stat (10 ms ticks, so averaged over --runs calls) and this
 * process's own. On a shared machine wall time mostly measures the neighbours; this does not.
 */
async function cpuPart(workspace: { id: string; personal: boolean }, member: Member) {
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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === "object" ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

/** One autocannon run; failures = transport errors + non-2xx answers. */
async function load(url: string, connections: number, seconds: number, headers: Record<string, string>) {
  const times: number[] = [];
  const run = autocannon({ url, connections, duration: seconds, timeout: 30, headers });
  run.on("response", (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) times.push(ms);
  });
  const result = await run;
  times.sort((a, b) => a - b);
  const failures = result.errors + result.timeouts + result.non2xx;
  if (failures > 0) log(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, statuses ${JSON.stringify(result.statusCodeStats)}`);
  return { times, result, failures };
}

let server: ChildProcess | undefined;
const serverLog: string[] = [];

async function stopServer(): Promise<void> {
  const child = server;
  server = undefined;
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid as number), signal); // the group: next start and anything it forked
    } catch {
      /* already gone */
    }
  };
  killGroup("SIGTERM");
  const timer = setTimeout(() => killGroup("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
}

async function waitHealthy(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error("next start exited before it was healthy");
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("GET /api/health did not answer 200 within 120 s");
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

/** Signs in through Auth.js's credentials callback, as the sign-in form does; returns the Cookie header. */
async function signIn(base: string, email: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password: SEED_PASSWORD, csrfToken, callbackUrl: base }),
  });
  const cookies = [...jar, ...cookiesOf(res)];
  if (!cookies.some((c) => c.includes("session-token="))) throw new Error(`signing in as ${email} gave no session cookie (status ${res.status})`);
  return cookies.join("; ");
}

type HttpRow = { route: string; what: string; requests1: number; p50: number; p95: number; p99: number; reqPerSec8: number; p95At8: number; failures: number };

async function httpPart(member: Member, distDir: string) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env, NODE_ENV: "production", PORT: String(port), NEXT_DIST_DIR: distDir,
    DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "mutual-bench-dash-")), AUTH_SECRET: randomBytes(33).toString("base64url"),
  };
  delete env.APP_URL;
  log(`next start on ${base} (${distDir}), PostgreSQL`);
  const started = Date.now();
  const child = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"],
  });
  server = child;
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8").on("data", (chunk: string) => {
      serverLog.push(...chunk.split("\n").filter(Boolean));
      serverLog.splice(0, Math.max(0, serverLog.length - 200));
    });
  }
  try {
    await waitHealthy(base, child);
    log(`healthy after ${((Date.now() - started) / 1000).toFixed(1)} s; signing in as ${member.email}`);
    const cookie = await signIn(base, member.email);
    const routes: { route: string; what: string; headers: Record<string, string> }[] = [
      { route: `/w/${values.workspace}`, what: "dashboard page (server render + prefetch)", headers: { cookie } },
      { route: `/api/w/${values.workspace}/dashboard`, what: "dashboard JSON (React Query refetch)", headers: { cookie } },
      { route: "/api/health", what: "floor: route handler + 1 DB round trip", headers: {} },
      { route: "/sign-in", what: "floor: small dynamic page", headers: {} },
    ];
    const rows: HttpRow[] = [];
    for (const r of routes) {
      const url = base + r.route;
      const probe = await fetch(url, { redirect: "manual", headers: r.headers });
      const body = await probe.text();
      if (probe.status !== 200) throw new Error(`GET ${r.route} answered ${probe.status}, not 200`);
      if (r.route.startsWith("/w/") && !body.includes("Gave, 90 days")) throw new Error(`GET ${r.route} did not render the dashboard`);
      log(`${r.route}: ${(body.length / 1024).toFixed(0)} KiB; warm-up ${httpWarmup} s, then ${duration} s at 1 and at ${CONNECTIONS} connections`);
      const warm = await load(url, CONNECTIONS, httpWarmup, r.headers);
      const one = await load(url, 1, duration, r.headers);
      const eight = await load(url, CONNECTIONS, duration, r.headers);
      rows.push({
        route: r.route, what: r.what, requests1: one.times.length,
        p50: round(percentile(one.times, 50)), p95: round(percentile(one.times, 95)), p99: round(percentile(one.times, 99)),
        reqPerSec8: round(eight.result.requests.total / eight.result.duration, 1), p95At8: round(percentile(eight.times, 95)),
        failures: warm.failures + one.failures + eight.failures,
      });
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
            r.route, r.what, r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), r.reqPerSec8.toFixed(0),
            `${(r.p95 / health.p95).toFixed(1)}×`, `${(r.reqPerSec8 / health.reqPerSec8).toFixed(2)}`, `${(r.reqPerSec8 / page.reqPerSec8).toFixed(2)}`,
            budgeted ? `${BUDGET_MS} ms` : "-", budgeted ? (r.p95 <= BUDGET_MS ? "PASS" : "OVER") : "-",
          ];
        }),
      ]),
    );
    for (const r of rows.filter((x) => x.failures > 0)) console.error(`[bench] ${r.route}: ${r.failures} failed requests — figures are suspect`);
    return rows;
  } finally {
    await stopServer();
    fs.rmSync(env.DATA_DIR as string, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const handle = await getHandle();
  const db = handle.db;
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (values.http) {
    if (handle.kind !== "postgres") throw new Error("--http needs DATABASE_URL: the server and this process cannot share one PGlite folder");
    if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) throw new Error(`no production build in ${distDir}: run NEXT_DIST_DIR=${distDir} npm run build first`);
  }
  const [load1] = os.loadavg();
  if ((load1 ?? 0) > os.cpus().length) log(`warning: load average ${load1?.toFixed(1)} on ${os.cpus().length} cores — other work will skew the figures`);
  const { workspace, member } = await pickMember(db);
  log(`${values.workspace}, ${member.email}: ${member.interactions.toLocaleString("en")} interactions, ${member.relationships.toLocaleString("en")} relationships`);
  const data = values["no-data"] ? null : await dataPart(db, handle.kind, workspace, member);
  const cpu = values.cpu && handle.kind === "postgres" ? await cpuPart(workspace, member) : null;
  const http = values.http ? await httpPart(member, distDir) : null;

  let commit = "unknown";
  try {
    commit = execFileSync("git", ["describe", "--always", "--dirty"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    /* not a git checkout */
  }
  const when = new Date().toISOString();
  const outDir = path.join(root, "bench", "results");
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `dashboard-${when.replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        when, commit, database: handle.kind, workspace: values.workspace, member, runs, warmup, httpSeconds: duration,
        machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown", node: process.version, loadAverage: { atStart: round(load1 ?? 0), atEnd: round(os.loadavg()[0] ?? 0) } },
        data, cpu, http,
      },
      null,
      2,
    ) + "\n",
  );
  console.log(`\nwritten: ${path.relative(root, file)} (load average ${round(load1 ?? 0)} → ${round(os.loadavg()[0] ?? 0)})`);
  return (http ?? []).some((r) => r.failures > 0) ? 1 : 0;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void stopServer().finally(() => process.exit(130)));
}
try {
  process.exitCode = await main();
} catch (err) {
  console.error(`[bench] failed: ${err instanceof Error ? err.message : String(err)}`);
  if (serverLog.length > 0) console.error(`--- last server output ---\n${serverLog.slice(-40).join("\n")}`);
  process.exitCode = 1;
} finally {
  await stopServer();
  await closeDb();
}
