/**
 * npm run test:faults — what happens when things break, measured on real parts:
 *
 * 1. Writers through PostgreSQL restarts: the production build against a throwaway cluster of
 *    this test's own; 200 writers log interactions with ids they choose for 60 s while the
 *    cluster is restarted with `pg_ctl restart -m immediate`, twice. Every write that was
 *    answered with success is there exactly once, every failure was a short 503, and the app
 *    recovered by itself.
 * 2. The digest run killed (`kill -9`) halfway through, then started again: every member has
 *    one digest. A mail the SMTP server accepted but the dead run had not yet marked sent is
 *    sent again — with the same Message-ID; the test counts those and checks each is one.
 *    (2b kills the run right inside that window, to show it.)
 * 3. The SMTP server down for a run: nothing is marked sent, the errors are kept; after the
 *    back-off the mails go out, each once.
 *
 * Needs the PostgreSQL server binaries (Debian: /usr/lib/postgresql/15/bin; PG_BIN to point
 * elsewhere) and a production build in NEXT_DIST_DIR (default .next; built if missing).
 * Runs as root (CI) through `runuser -u postgres`. Prints its figures; exits 1 on a failure.
 * Knobs: FAULTS_WRITERS (200), FAULTS_SECONDS (60), FAULTS_RESTARTS ("20,40": seconds into
 * the run), FAULTS_APP_PORT (3700), FAULTS_PG_PORT (55432), FAULTS_PARTS (all:
 * "writers,digest-kill,digest-window,smtp-down"); for digging: FAULTS_DUMP (a file: every
 * request's timing and status as JSON) and FAULTS_APP_LOG (a file: the server's output,
 * time-stamped).
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import type { Db } from "@/db/client";
import { createContact } from "@/db/queries/contacts";
import { logInteraction } from "@/db/queries/ledger";
import { createAccount } from "@/db/queries/users";
import { createWorkspace } from "@/db/queries/workspaces";
import * as schema from "@/db/schema";
import { memberships, users, workspaces } from "@/db/schema";
import { lastCompleteWeek, weekWindow } from "@/lib/digest/week";
import { DB_UNAVAILABLE_MESSAGE } from "@/lib/db-errors";
import { hashPassword } from "@/lib/password";
import { contactInputSchema } from "@/lib/validation/contacts";
import { ensureBuild, signIn, startApp, type App } from "./app";
import { freePort, startCluster, type Cluster } from "./cluster";
import { startSmtp, type Smtp } from "./smtp";
import { runWriters, type Attempt } from "./writers";

const root = process.cwd();
const T0 = Date.now();
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14) + "_" + process.pid;
const log = (line: string) => console.log(`[faults +${((Date.now() - T0) / 1000).toFixed(1).padStart(5)} s] ${line}`);
const num = (name: string, fallback: number) => (process.env[name] ? Number(process.env[name]) : fallback);
const PARTS = new Set((process.env.FAULTS_PARTS ?? "writers,digest-kill,digest-window,smtp-down").split(",").map((s) => s.trim()));

// ——— checks and figures ———
const failures: string[] = [];
const figures: string[] = [];
function check(ok: boolean, what: string, detail = ""): boolean {
  log(`${ok ? "ok  " : "FAIL"} ${what}${detail ? ` — ${detail}` : ""}`);
  if (!ok) failures.push(detail ? `${what} — ${detail}` : what);
  return ok;
}
const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// ——— clean-up, also on Ctrl-C ———
const cleanups: (() => Promise<unknown>)[] = [];
async function cleanUp() {
  for (const fn of cleanups.splice(0).reverse()) await fn().catch((err: unknown) => console.error("[faults] clean-up:", err));
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}

// ——— databases on the throwaway cluster ———
type Conn = { db: Db; sql: postgres.Sql; end: () => Promise<void> };
const migrationsFolder = path.join(root, "db/migrations");
const APP_LOGIN = "mutual_faults_app";

async function freshDatabase(cluster: Cluster, name: string): Promise<Conn> {
  const admin = postgres(cluster.url("postgres"), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end({ timeout: 5 });
  const client = postgres(cluster.url(name), { max: 4, onnotice: () => {} });
  await migrate(drizzle({ client }), { migrationsFolder });
  // The app logs in as a role that owns nothing, as deployed (README, Deploying); postgres owns the tables.
  await client.unsafe(`do $$ begin if not exists (select from pg_roles where rolname = '${APP_LOGIN}') then create role ${APP_LOGIN} login in role mutual_app; end if; end $$`);
  const db = drizzle({ client, schema, casing: "snake_case" }) as unknown as Db;
  return { db, sql: client, end: () => client.end({ timeout: 5 }) };
}

async function account(db: Db, name: string, email: string, passwordHash: string | null) {
  const a = await createAccount(db, { name, email, passwordHash, timeZone: "UTC" });
  if (!a) throw new Error(`could not create ${email}`);
  const [ws] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, a.workspaceSlug));
  return { userId: a.user.id, email: a.user.email, slug: a.workspaceSlug, workspaceId: ws!.id };
}

const contact = (db: Db, scope: { workspaceId: string; userId: string }, name: string) =>
  createContact(db, scope, contactInputSchema.parse({ name, needs: "An intro to a designer" })).then((c) => c.id);

// ————————————————————————————————————————————————————————————————————————————————
// 1. Writers through PostgreSQL restarts
// ————————————————————————————————————————————————————————————————————————————————

async function writersPart(cluster: Cluster) {
  const WRITERS = num("FAULTS_WRITERS", 200);
  const SECONDS = num("FAULTS_SECONDS", 60);
  const RESTARTS = (process.env.FAULTS_RESTARTS ?? "20,40").split(",").map(Number).filter((n) => n > 0 && n < SECONDS);
  const PASSWORD = `faults-${randomBytes(9).toString("base64url")}`;

  const distDir = await ensureBuild(log);
  const name = `mutual_faults_writers_${stamp}`;
  const conn = await freshDatabase(cluster, name);
  cleanups.push(conn.end);
  const hash = await hashPassword(PASSWORD);
  const a = await account(conn.db, "Wanda Writer", `writer-${stamp}@faults.test`, hash);
  const b = await account(conn.db, "Otto Outsider", `outsider-${stamp}@faults.test`, hash);
  const aScope = { workspaceId: a.workspaceId, userId: a.userId };
  const contactIds: string[] = [];
  for (let i = 0; i < 20; i++) contactIds.push(await contact(conn.db, aScope, `Contact ${i}`));
  const bContact = await contact(conn.db, { workspaceId: b.workspaceId, userId: b.userId }, "Outsider's contact");
  log(`database ${name}: a writer with ${contactIds.length} contacts, and an outsider`);

  const port = await freePort(num("FAULTS_APP_PORT", 3700));
  const app = await startApp({ port, databaseUrl: cluster.url(name, APP_LOGIN), ownerUrl: cluster.url(name), distDir }, log);
  cleanups.push(app.stop);
  const aCookie = await signIn(app.base, a.email, PASSWORD);
  const bCookie = await signIn(app.base, b.email, PASSWORD);

  await routeChecks(app, conn, { a, b, aCookie, bCookie, contactId: contactIds[0]!, bContact });

  // — the run —
  log(`${WRITERS} writers for ${SECONDS} s; PostgreSQL restarted (-m immediate) at ${RESTARTS.map((r) => `+${r} s`).join(" and ")}`);
  const runStart = Date.now();
  const restarts: { at: number; ready: number }[] = [];
  const restarter = (async () => {
    for (const r of RESTARTS) {
      await new Promise((res) => setTimeout(res, Math.max(0, runStart + r * 1000 - Date.now())));
      const at = Date.now();
      await cluster.restartImmediate();
      restarts.push({ at, ready: Date.now() });
      log(`restarted PostgreSQL (immediate) at +${s1(at - runStart)}: accepting connections again after ${s1(Date.now() - at)}`);
    }
  })();
  let answered = 0;
  const progress = setInterval(() => log(`  … ${answered} requests answered`), 10_000);
  const attempts = await runWriters(
    { base: app.base, slug: a.slug, cookie: aCookie, contactIds, writers: WRITERS, durationMs: SECONDS * 1000, drainMs: 30_000, days: 30, timeoutMs: 90_000 },
    () => answered++,
  );
  clearInterval(progress);
  await restarter;
  const runEnd = Date.now();
  if (process.env.FAULTS_DUMP) {
    fs.writeFileSync(process.env.FAULTS_DUMP, JSON.stringify({ runStart, restarts, attempts: attempts.map(({ body: _b, ...x }) => x) }));
  }

  // — what the answers say —
  const ok = attempts.filter((x) => x.status === 201 || x.status === 200);
  const created = attempts.filter((x) => x.status === 201).length;
  const replayed = attempts.filter((x) => x.status === 200).length;
  const failed = attempts.filter((x) => x.status !== 201 && x.status !== 200);
  const by = (xs: Attempt[]) => {
    const m = new Map<string, number>();
    for (const x of xs) m.set(String(x.status || "no answer"), (m.get(String(x.status || "no answer")) ?? 0) + 1);
    return [...m].map(([k, v]) => `${k} ×${v}`).join(", ") || "none";
  };
  const badFailures = failed.filter((x) => !cleanUnavailable(x));
  check(badFailures.length === 0, "every failure was a 503 with Retry-After and the short message, no stack or SQL",
    `${failed.length} failures (${by(failed)})${badFailures.length ? `; not clean: ${badFailures.length}, e.g. ${badFailures[0]!.status} ${badFailures[0]!.body.slice(0, 200)}` : ""}`);

  // — what the database holds —
  const rows = await conn.sql<{ id: string; summary: string }[]>`
    select id::text, summary from interactions where workspace_id = ${a.workspaceId} and user_id = ${a.userId} and summary like 'faults w%'`;
  const rowIds = new Map<string, number>();
  const rowSummaries = new Map<string, number>();
  for (const r of rows) {
    rowIds.set(r.id, (rowIds.get(r.id) ?? 0) + 1);
    rowSummaries.set(r.summary, (rowSummaries.get(r.summary) ?? 0) + 1);
  }
  const confirmed = new Map(ok.map((x) => [x.id, x.summary]));
  const missing = [...confirmed.keys()].filter((id) => !rowIds.has(id));
  const twiceById = [...rowIds.values()].filter((n) => n > 1).length;
  const twiceBySummary = [...rowSummaries.values()].filter((n) => n > 1).length;
  const sentIds = new Set(attempts.map((x) => x.id));
  const strangers = rows.filter((r) => !sentIds.has(r.id)).length;
  const unconfirmed = rows.filter((r) => sentIds.has(r.id) && !confirmed.has(r.id)).length;
  const wrongSummary = [...confirmed].filter(([id, s]) => rows.find((r) => r.id === id && r.summary !== s)).length;
  check(missing.length === 0, "every write answered with success is in the database", `${confirmed.size} confirmed, ${missing.length} missing`);
  check(twiceById === 0 && twiceBySummary === 0 && strangers === 0 && wrongSummary === 0, "none is there twice (by id and by its unique summary), nothing else was written",
    `${rows.length} rows; twice by id ${twiceById}, by summary ${twiceBySummary}; unknown ids ${strangers}; summary mismatches ${wrongSummary}`);
  const [roll] = await conn.sql<{ n: number; stats: number; flows: number }[]>`
    select (select count(*)::int from interactions where workspace_id = ${a.workspaceId} and user_id = ${a.userId}) as n,
      (select coalesce(sum(interaction_count), 0)::int from relationship_stats where workspace_id = ${a.workspaceId} and user_id = ${a.userId}) as stats,
      (select coalesce(sum(gave_count + received_count + mutual_count), 0)::int from member_flows where workspace_id = ${a.workspaceId} and user_id = ${a.userId}) as flows`;
  check(roll!.n === roll!.stats && roll!.n === roll!.flows, "the rollups kept in the same transactions agree with the entries",
    `interactions ${roll!.n}, relationship_stats ${roll!.stats}, member_flows ${roll!.flows}`);

  // — recovery —
  const recoveries: string[] = [];
  restarts.forEach((r, i) => {
    const until = restarts[i + 1]?.at ?? Infinity;
    const fails = failed.filter((x) => x.end >= r.at && x.end < until);
    const firstFail = Math.min(...fails.map((x) => x.end));
    const lastFail = Math.max(...fails.map((x) => x.end));
    // The first success of a request sent after the outage was seen: it did its work afterwards.
    const firstOk = Math.min(...ok.filter((x) => x.start >= (fails.length ? firstFail : r.ready)).map((x) => x.end));
    // Requests sent once PostgreSQL was accepting connections again that still failed.
    const lateFails = fails.filter((x) => x.start >= r.ready).length;
    const line =
      `restart ${i + 1} at +${s1(r.at - runStart)}: PostgreSQL back after ${s1(r.ready - r.at)}; ${fails.length} answers were 503` +
      (fails.length ? ` (answered ${s1(firstFail - r.at)} to ${s1(lastFail - r.at)} after the restart; ${lateFails} of them sent after PostgreSQL was back)` : "") +
      `; first success ${Number.isFinite(firstOk) ? `${s1(firstOk - r.at)} after the restart, ${s1(Math.max(0, firstOk - r.ready))} after PostgreSQL was back` : "never"}`;
    recoveries.push(line);
    // The app's part of the recovery: how long after PostgreSQL accepted connections again it
    // served a write. (How long PostgreSQL takes to come back is its own and the disk's.)
    check(Number.isFinite(firstOk) && firstOk - r.ready < 30_000, `the app recovered by itself within 30 s of restart ${i + 1}`, line);
  });
  check(restarts.length === RESTARTS.length, "every planned restart happened", `${restarts.length} of ${RESTARTS.length}`);

  // After the run: still the same server process, and every pool connection works again — a
  // connection left wedged by the restarts would hold its request until a 30 s connect timeout.
  const after = await fetch(`${app.base}/api/health`);
  check(!app.exited() && after.status === 200, "the same app process serves on after the restarts, no restart of its own", `pid ${app.pid}, /api/health ${after.status}`);
  const burst = await Promise.all(
    Array.from({ length: 40 }, async (_, i) => {
      const started = Date.now();
      try {
        const res = await fetch(`${app.base}/api/w/${a.slug}/interactions`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie: aCookie, origin: app.base },
          body: JSON.stringify({ contactId: contactIds[i % contactIds.length], direction: "gave", kind: "advice", weight: 2, date: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), summary: `after the faults #${i}` }),
          signal: AbortSignal.timeout(5_000),
        });
        return { status: res.status, ms: Date.now() - started };
      } catch {
        return { status: 0, ms: Date.now() - started };
      }
    }),
  );
  const burstOk = burst.filter((b) => b.status === 201).length;
  check(burstOk === burst.length, "afterwards, 40 writes at once all succeed within 5 s (no database connection left wedged)",
    `${burstOk}/${burst.length}, slowest ${Math.max(...burst.map((b) => b.ms))} ms`);
  const uncaught = app.count(/uncaughtException|unhandledRejection/);
  check(uncaught === 0, "the server logged no uncaught exception", `${uncaught}`);
  const codes = new Map<string, number>();
  const unexpected = app.count(/\[interactions\] could not log/);
  for (const code of ["ECONNREFUSED", "ECONNRESET", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED", "57P01", "57P02", "57P03", "53300", "EPIPE"]) {
    const n = app.count(new RegExp(`database unavailable: ${code}\\b`));
    if (n) codes.set(code, n);
  }
  check(unexpected === 0, "the app logged no unexpected error for an entry", `${unexpected}`);

  const seconds = (runEnd - runStart) / 1000;
  const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
  const okMs = ok.map((x) => x.end - x.start).sort((x, y) => x - y);
  const failMs = failed.filter((x) => x.status).map((x) => x.end - x.start).sort((x, y) => x - y);
  figures.push(
    `1. Writers through PostgreSQL restarts: ${WRITERS} writers, ${SECONDS} s (+ drain), restarts -m immediate at ${RESTARTS.map((r) => `+${r} s`).join(", ")}`,
    `   requests ${attempts.length}: 201 ×${created}, 200 (replay of an id) ×${replayed}, failures ${failed.length} (${by(failed)})`,
    `   writes confirmed ${confirmed.size} (${(confirmed.size / seconds).toFixed(0)}/s over ${s1(runEnd - runStart)}); in the database ${rows.length}; missing ${missing.length}; twice ${twiceById + twiceBySummary}; committed but never confirmed ${unconfirmed}`,
    `   latency of successes p50 ${pct(okMs, 50)} ms, p95 ${pct(okMs, 95)} ms, p99 ${pct(okMs, 99)} ms, max ${okMs.at(-1) ?? 0} ms; of 503s p50 ${pct(failMs, 50)} ms, max ${failMs.at(-1) ?? 0} ms`,
    ...recoveries.map((l) => `   ${l}`),
    `   app: one process throughout (pid ${app.pid}); transient errors it logged: ${[...codes].map(([k, v]) => `${k} ×${v}`).join(", ") || "none"}`,
    `   rollups: interactions ${roll!.n} = relationship_stats ${roll!.stats} = member_flows ${roll!.flows}; afterwards 40 writes at once: ${burstOk}/40 within 5 s; uncaught exceptions ${uncaught}`,
  );
  await app.stop();
  await conn.end();
}

/** A failure answer as promised: 503, Retry-After, the one short message as JSON, nothing internal. */
function cleanUnavailable(x: Attempt): boolean {
  if (x.status !== 503 || !x.retryAfter) return false;
  if (x.body.length > 200 || /\n\s+at |Failed query|select |insert |postgres|ECONN|57P0|Error:/i.test(x.body)) return false;
  try {
    return (JSON.parse(x.body) as { error?: string }).error === DB_UNAVAILABLE_MESSAGE;
  } catch {
    return false;
  }
}

/** The route's contract, against the real server before the faults begin. */
async function routeChecks(
  app: App,
  conn: Conn,
  t: { a: { slug: string; workspaceId: string; userId: string }; b: { slug: string }; aCookie: string; bCookie: string; contactId: string; bContact: string },
) {
  const post = (slug: string, cookie: string | null, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.base}/api/w/${slug}/interactions`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.base, ...(cookie ? { cookie } : {}), ...headers },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const id = crypto.randomUUID();
  const entry = { id, contactId: t.contactId, direction: "gave", kind: "intro", weight: 3, date: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), summary: "route check" };
  const count = async () => (await conn.sql<{ n: number }[]>`select count(*)::int as n from interactions where summary like 'route check%' or id = ${id}`)[0]!.n;

  const first = await post(t.a.slug, t.aCookie, entry);
  const firstBody = (await first.json()) as { id?: string; created?: boolean };
  if (first.status === 404 && firstBody.id === undefined) {
    throw new Error("POST /api/w/<slug>/interactions answered 404 for its own member: is the build in NEXT_DIST_DIR older than the route? Run `npm run build`.");
  }
  check(first.status === 201 && firstBody.id === id && firstBody.created === true, "route: a new entry with the client's id → 201", `${first.status}`);
  const again = await post(t.a.slug, t.aCookie, { ...entry, summary: "route check, sent again" });
  check(again.status === 200 && ((await again.json()) as { created?: boolean }).created === false && (await count()) === 1, "route: the same id again → 200, nothing new", `${again.status}`);
  const foreign = await post(t.a.slug, t.bCookie, { ...entry, id: crypto.randomUUID() });
  check(foreign.status === 404 && (await count()) === 1, "route: another workspace's member → 404", `${foreign.status}`);
  const stolen = await post(t.b.slug, t.bCookie, { ...entry, contactId: t.bContact, summary: "route check hijack" });
  const stolenBody = await stolen.text();
  const [row] = await conn.sql<{ summary: string; user_id: string }[]>`select summary, user_id::text from interactions where id = ${id}`;
  check(stolen.status === 409 && !stolenBody.includes("route check\"") && row?.summary === "route check" && row.user_id === t.a.userId && (await count()) === 1,
    "route: someone else's id in another workspace → 409, reveals and changes nothing", `${stolen.status} ${stolenBody.slice(0, 120)}`);
  const bad = await post(t.a.slug, t.aCookie, { ...entry, id: crypto.randomUUID(), weight: 9, workspaceId: t.a.workspaceId });
  check(bad.status === 422 && (await count()) === 1, "route: bad input or an extra field → 422, nothing written", `${bad.status} ${(await bad.text()).slice(0, 120)}`);
  const junk = await post(t.a.slug, t.aCookie, "{not json");
  check(junk.status === 400, "route: a body that is not JSON → 400", `${junk.status}`);
  const cross = await post(t.a.slug, t.aCookie, { ...entry, id: crypto.randomUUID() }, { origin: "https://evil.example" });
  check(cross.status === 403 && (await count()) === 1, "route: another origin → 403", `${cross.status}`);
  const nobody = await post(t.a.slug, null, { ...entry, id: crypto.randomUUID() });
  check(nobody.status === 404 && (await count()) === 1, "route: no session → 404", `${nobody.status}`);
}

// ————————————————————————————————————————————————————————————————————————————————
// 2 and 3. The digest: killed mid-run, and SMTP down for a run
// ————————————————————————————————————————————————————————————————————————————————

const tsx = path.join(root, "node_modules", ".bin", "tsx");
type RunResult = { code: number | null; signal: NodeJS.Signals | null; out: string; ms: number };
type Running = { pid: number; done: Promise<RunResult>; kill: () => void };

function runScript(script: string, args: string[], env: NodeJS.ProcessEnv): Running {
  const started = Date.now();
  const child = spawn(tsx, ["--tsconfig", "tsconfig.scripts.json", script, ...args], { cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr.on("data", (c: Buffer) => (out += c.toString()));
  const done = new Promise<RunResult>((resolve) => child.on("close", (code, signal) => resolve({ code, signal, out, ms: Date.now() - started })));
  return {
    pid: child.pid!,
    done,
    // The whole group: tsx runs the script in a child process of its own.
    kill: () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    },
  };
}

type DigestSetup = { conn: Conn; week: string; teamId: string; emails: string[]; env: (smtpPort: number) => NodeJS.ProcessEnv; dataDir: string };

async function digestSetup(cluster: Cluster, label: string, members: number): Promise<DigestSetup> {
  const name = `mutual_faults_${label}_${stamp}`;
  const conn = await freshDatabase(cluster, name);
  cleanups.push(conn.end);
  const db = conn.db;
  const week = lastCompleteWeek(new Date(), "UTC");
  const owner = await account(db, "Team Owner", `owner-${label}-${stamp}@faults.test`, null);
  const team = await createWorkspace(db, { name: `Faults ${label}`, ownerId: owner.userId });
  const emails: string[] = [];
  for (let i = 0; i < members; i++) {
    const m = await account(db, `Member ${i}`, `member${i}-${label}-${stamp}@faults.test`, null);
    await db.update(users).set({ emailVerified: new Date() }).where(eq(users.id, m.userId));
    await db.insert(memberships).values({ workspaceId: team.id, userId: m.userId, role: "member" });
    const scope = { workspaceId: team.id, userId: m.userId };
    const contactId = await contact(db, scope, `Helper of member ${i}`);
    await logInteraction(db, scope, {
      contactId, direction: "received", kind: "referral", weight: 5,
      occurredAt: new Date(weekWindow(week, "UTC").start.getTime() + 36 * 3_600_000), summary: "Referred a client", details: null,
    });
    emails.push(m.email.toLowerCase());
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `mutual-faults-${label}-`));
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const secret = randomBytes(33).toString("base64url");
  const env = (smtpPort: number): NodeJS.ProcessEnv => {
    // Run as a person would run the command: no NODE_ENV of this process's.
    const { NODE_ENV: _nodeEnv, ...rest } = process.env;
    return {
      ...rest, DATABASE_URL: cluster.url(name, APP_LOGIN), DATABASE_OWNER_URL: cluster.url(name), SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      APP_URL: "https://mutual.faults.test", MAIL_FROM: "Mutual <digest@mutual.faults.test>", AUTH_SECRET: secret, DATA_DIR: dataDir,
    } as unknown as NodeJS.ProcessEnv;
  };
  log(`database ${name}: ${members} subscribed members of one team, each with something to tell for ${week}`);
  return { conn, week, teamId: team.id, emails, env, dataDir };
}

async function teamStatuses(s: DigestSetup) {
  return s.conn.sql<{ email: string; status: string; attempts: number; last_error: string | null; next_attempt_at: Date }[]>`
    select lower(u.email) as email, d.status::text as status, d.attempts, d.last_error, d.next_attempt_at
    from digest_deliveries d join users u on u.id = d.user_id
    where d.workspace_id = ${s.teamId} and d.week = ${s.week}`;
}

const tally = (xs: { status: string }[]) => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x.status, (m.get(x.status) ?? 0) + 1);
  return [...m].map(([k, v]) => `${k} ${v}`).join(", ") || "none";
};

/** Every member's mail: raw copies and distinct Message-IDs per recipient. */
function mailCheck(s: DigestSetup, smtp: Smtp, expectedRepeats: number, what: string) {
  const per = new Map<string, { copies: number; ids: Set<string> }>();
  for (const r of smtp.received) {
    const e = per.get(r.to) ?? { copies: 0, ids: new Set<string>() };
    e.copies++;
    e.ids.add(r.messageId);
    per.set(r.to, e);
  }
  const expected = new Set(s.emails);
  const strangers = [...per.keys()].filter((to) => !expected.has(to)).length;
  const missing = s.emails.filter((e) => !per.has(e)).length;
  const twoIds = [...per.values()].filter((e) => e.ids.size !== 1).length;
  const repeats = [...per.values()].reduce((n, e) => n + e.copies - 1, 0);
  check(missing === 0 && strangers === 0 && twoIds === 0, `${what}: every member has one digest (one Message-ID each), nobody else got one`,
    `${per.size}/${s.emails.length} members; missing ${missing}; with two different Message-IDs ${twoIds}; to others ${strangers}`);
  check(repeats === expectedRepeats, `${what}: copies beyond one are exactly the mails accepted but not yet marked sent when the run died`,
    `${repeats} repeat${repeats === 1 ? "" : "s"} (same Message-ID), ${expectedRepeats} expected from the crash window`);
  return { repeats, members: per.size };
}

/** 2: kill -9 at about half, at a moment not tied to any one mail; 2b: kill right inside the window. */
async function digestKillPart(cluster: Cluster, mode: "half" | "window") {
  const members = mode === "half" ? 40 : 12;
  const s = await digestSetup(cluster, mode === "half" ? "digest_kill" : "digest_window", members);
  const delayMs = mode === "half" ? 250 : 120;
  const smtp = await startSmtp({ delayMs });
  cleanups.push(smtp.close);
  const killAfter = mode === "half" ? Math.floor(members / 2) : 4;

  const first = runScript("scripts/digest.ts", ["--week", s.week], s.env(smtp.port));
  let killedAt = -1;
  smtp.onReceived(() => {
    if (killedAt >= 0 || smtp.received.length < killAfter) return;
    const kill = () => {
      killedAt = smtp.received.length;
      first.kill();
    };
    if (mode === "window") kill(); // the 250 has just gone out: the run cannot have marked it yet
    else {
      killedAt = 0;
      setTimeout(kill, Math.random() * delayMs); // anywhere in the next mail's time
    }
  });
  const r1 = await first.done;
  await new Promise((res) => setTimeout(res, delayMs + 200)); // let the server finish with what it held
  if (!check(r1.signal === "SIGKILL", `${mode === "half" ? "2" : "2b"}: the digest run was killed mid-run (kill -9)`, `exit ${r1.code ?? r1.signal} after ${s1(r1.ms)}, ${smtp.received.length} of ${members} mails in${r1.signal ? "" : `; output: ${r1.out.slice(-300)}`}`)) {
    await smtp.close();
    return;
  }
  const atKill = await teamStatuses(s);
  const receivedTo = new Set(smtp.received.map((r) => r.to));
  const windowHits = atKill.filter((d) => receivedTo.has(d.email) && d.status !== "sent").length;
  const receivedAtKill = smtp.received.length;
  log(`killed with ${killedAt} received; after the kill: ${receivedAtKill} received, ${smtp.cutOff} cut off in flight, claims: ${tally(atKill)}; accepted but not marked sent: ${windowHits}`);

  let earlyLine = "";
  if (mode === "half") {
    // Started again at once: the dead run's claims are still leased, so it sends only to
    // members the dead run had not claimed yet, and nothing to anyone twice.
    const unclaimed = members - atKill.length;
    const early = await runScript("scripts/digest.ts", ["--week", s.week], s.env(smtp.port)).done;
    const sentEarly = smtp.received.slice(receivedAtKill);
    const twice = sentEarly.filter((r) => smtp.received.slice(0, receivedAtKill).some((x) => x.to === r.to)).length;
    check(early.code === 0 && sentEarly.length === unclaimed && twice === 0, "2: started again within the lease: sends only to the members nobody had claimed, none twice",
      `exit ${early.code}; ${sentEarly.length} mails, ${unclaimed} unclaimed at the kill, ${twice} to someone who had one`);
    earlyLine = `; started again at once (within the lease): sent the ${sentEarly.length} unclaimed, none of the dead run's`;
  }
  const later = await runScript("tests/faults/digest-later.ts", ["--week", s.week, "--after", "lease"], s.env(smtp.port)).done;
  check(later.code === 0, `${mode === "half" ? "2" : "2b"}: started again after the lease: the run completes`, later.out.trim().split("\n").pop() ?? "");
  const finalRows = await teamStatuses(s);
  check(finalRows.every((d) => d.status === "sent") && finalRows.length === members, `${mode === "half" ? "2" : "2b"}: all ${members} claims end 'sent'`,
    `claims: ${tally(finalRows)}; mails ${smtp.received.length}`);
  const m = mailCheck(s, smtp, windowHits, mode === "half" ? "2" : "2b");
  await smtp.close();
  figures.push(
    mode === "half"
      ? `2. Digest run killed (-9) at about half: ${members} members, SMTP ${delayMs} ms a mail; killed after ${receivedAtKill} mails (${smtp.cutOff} cut off in flight)${earlyLine}; after the lease: all sent. Mails per member: exactly 1 distinct Message-ID for ${m.members}/${members}; repeats ${m.repeats} (crash window: accepted but not marked when killed ${windowHits})`
      : `2b. Killed right after the SMTP server accepted mail #${killedAt}: ${members} members; accepted but not marked ${windowHits} → repeats ${m.repeats}, each with the same Message-ID (a receiving server can drop it); every member 1 distinct digest`,
  );
  await s.conn.end();
}

/** 3: the SMTP server is not there for a run; after the back-off it is. */
async function smtpDownPart(cluster: Cluster) {
  const members = 40;
  const s = await digestSetup(cluster, "smtp_down", members);
  const port = await freePort(40_000 + Math.floor(Math.random() * 10_000));
  const down = await runScript("scripts/digest.ts", ["--week", s.week], s.env(port)).done;
  const rows = await teamStatuses(s);
  const errors = new Set(rows.map((d) => d.last_error ?? ""));
  const waits = rows.map((d) => new Date(d.next_attempt_at).getTime() - Date.now());
  check(down.code === 2 && rows.length === members && rows.every((d) => d.status === "pending" && d.attempts === 1 && d.last_error),
    "3: SMTP down: nothing marked sent, every claim back to pending with its error kept",
    `exit ${down.code}; claims: ${tally(rows)}; error: ${[...errors][0]?.slice(0, 80)}; next attempt in ${s1(Math.min(...waits))}–${s1(Math.max(...waits))}`);

  const smtp = await startSmtp({ port });
  cleanups.push(smtp.close);
  const early = await runScript("scripts/digest.ts", ["--week", s.week], s.env(port)).done;
  check(early.code === 0 && smtp.received.length === 0, "3: SMTP back, run again before the back-off: sends nothing yet", `exit ${early.code}, ${smtp.received.length} mails`);
  const later = await runScript("tests/faults/digest-later.ts", ["--week", s.week, "--after", "backoff"], s.env(port)).done;
  check(later.code === 0, "3: run after the back-off completes", later.out.trim().split("\n").pop() ?? "");
  const again = await runScript("scripts/digest.ts", ["--week", s.week], s.env(port)).done;
  const finalRows = await teamStatuses(s);
  check(again.code === 0 && finalRows.every((d) => d.status === "sent" && d.attempts === 2), "3: every claim 'sent' on its second attempt; another run sends nothing", `claims: ${tally(finalRows)}; exit ${again.code}`);
  const m = mailCheck(s, smtp, 0, "3");
  await smtp.close();
  figures.push(
    `3. SMTP down for a run: ${members} members; first run: sent 0, ${rows.length} errors kept ("${[...errors][0]?.slice(0, 60)}"), retry in ${s1(Math.min(...waits))}; before the back-off: 0 sent; after it: ${m.members} members got 1 mail each, repeats ${m.repeats}`,
  );
  await s.conn.end();
}

// ————————————————————————————————————————————————————————————————————————————————

async function main() {
  log(`parts: ${[...PARTS].join(", ")}`);
  cluster = await startCluster(log);
  cleanups.push(() => cluster!.stop());
  if (PARTS.has("writers")) await writersPart(cluster);
  if (PARTS.has("digest-kill")) await digestKillPart(cluster, "half");
  if (PARTS.has("digest-window")) await digestKillPart(cluster, "window");
  if (PARTS.has("smtp-down")) await smtpDownPart(cluster);
}

let crashed: unknown;
let cluster: Cluster | undefined;
try {
  await main();
} catch (err) {
  crashed = err;
}
const pgLog = path.join(os.tmpdir(), `mutual-faults-${stamp}-postgresql.log`);
const keepLog = Boolean(crashed || failures.length || process.env.FAULTS_KEEP_PG_LOG);
await cluster?.stop(keepLog ? pgLog : undefined);
await cleanUp();
if (keepLog && cluster) console.log(`faults: the throwaway cluster's server log is in ${pgLog}`);
console.log(`\n=== faults: figures (${s1(Date.now() - T0)} in all) ===`);
for (const f of figures) console.log(f);
if (crashed) {
  console.error(`\nfaults: stopped by an error: ${crashed instanceof Error ? (crashed.stack ?? crashed.message) : String(crashed)}`);
  process.exit(1);
}
if (failures.length) {
  console.error(`\nfaults: ${failures.length} check${failures.length === 1 ? "" : "s"} failed:\n${failures.map((f) => `  - ${f}`).join("\n")}`);
  process.exit(1);
}
console.log("faults: all checks passed");
process.exit(0);
