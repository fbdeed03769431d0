/**
 * The one benchmark suite: `npm run bench [-- options]` (see bench/README.md, "The suite").
 *
 * Starts `next start` of the production build (NEXT_DIST_DIR, default .next) against the
 * seeded database — PostgreSQL at DATABASE_URL (seeded by `npm run seed:large`), or with
 * `--scale small` and no DATABASE_URL a temporary PGlite folder it seeds itself — signs in as
 * the seed member with the most interactions, and measures each main route: p50/p95/p99 at
 * one request at a time, req/s at --connections at once, against its budget, beside two
 * floors taken in the same run: the framework (GET /api/health on the same server) and the
 * raw SQL the route sends (captured from the same query functions, replayed straight through
 * the same driver). Then a digest run (members/s, bench/digest.ts) and a LinkedIn import
 * (rows/s, bench/import.ts). Prints one table; writes bench/results/bench-<timestamp>.json.
 */
import { spawnSync } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { and, eq, inArray } from "drizzle-orm";
import postgres from "postgres";
import { closeDb, getHandle, type Db } from "@/db/client";
import { getDashboard, hasContacts } from "@/db/queries/dashboard";
import { getContact, listContacts } from "@/db/queries/contacts";
import { balanceHistory, deleteInteraction, getRelationship, listInteractionsForContact, listOpenPromises, logInteraction, topContributions } from "@/db/queries/ledger";
import { listNotesForContact } from "@/db/queries/notes";
import { getTeamView, listAskCollisions } from "@/db/queries/team-scores";
import { getSessionUser } from "@/db/queries/users";
import { getMembershipBySlug, listWorkspacesForUser } from "@/db/queries/workspaces";
import { interactions } from "@/db/schema";
import { todayIn, startOfDateIn } from "@/lib/dates";
import { loadDigest } from "@/lib/digest/content";
import { lastCompleteWeek } from "@/lib/digest/week";
import { contactListQuerySchema } from "@/lib/validation/contacts";
import { measureHttp, type HttpFigures, type HttpRequestSpec } from "./lib/http-measure";
import { commit, load1, loadLine, machine, warnIfBusy } from "./lib/machine";
import { buildDir, root, runBench, startNextServer, type EnvVars, type NextServer } from "./lib/server";
import { SEED_PASSWORD, heaviestContact, logTarget, pickMember, seedSmallPglite, type BenchContact, type BenchMember, type BenchWorkspace } from "./lib/seed-data";
import { signIn } from "./lib/sign-in";
import { capturePhases, explainStatements, sqlFloor, type CapturedPhase, type DriverKind, type Phase } from "./lib/sql";
import { ratio, type Summary } from "./lib/stats";
import { markdownTable } from "./lib/table";

const USAGE = `Usage: npm run bench [-- options]
  --duration S        seconds per measured HTTP run (default 5): one at 1 connection, one at --connections
  --warmup S          seconds of HTTP warm-up per route (default 2)
  --connections N     concurrent connections of the throughput run (default 8)
  --sql-runs N        timed replays of each route's raw SQL (default 100, after 10 untimed)
  --scale small       no DATABASE_URL: seed a temporary PGlite folder (npm run seed:large -- --scale small) and bench that
  --workspace SLUG    seeded workspace (default seed-large)
  --user EMAIL        member to sign in as (default: the one with the most interactions)
  --only TEXT         only the routes whose name contains TEXT (the floors always run)
  --explain           EXPLAIN (ANALYZE, BUFFERS) of the SQL of each route over budget or over 2× its SQL floor
  --no-digest         skip the digest run
  --digest-members N  members of the digest run (default 1000; 100 with --scale small)
  --digest-scale X    data size of the digest run (default 1; 0.02 with --scale small)
  --no-import         skip the import run
  --import-rows N     rows of the LinkedIn file (default 10000; 1000 with --scale small)
  --strict            exit 1 when a budget is missed (failed requests always exit 1)
Environment: DATABASE_URL (the seeded PostgreSQL), NEXT_DIST_DIR (default .next),
  DIGEST_DATABASE_URL (default: database mutual_digest_bench on DATABASE_URL's server, made and
  seeded on first use — about 11 minutes at full size, kept for later runs).`;

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "5" },
    warmup: { type: "string", default: "2" },
    connections: { type: "string", default: "8" },
    "sql-runs": { type: "string", default: "100" },
    scale: { type: "string" },
    workspace: { type: "string", default: "seed-large" },
    user: { type: "string" },
    only: { type: "string" },
    explain: { type: "boolean", default: false },
    "no-digest": { type: "boolean", default: false },
    "digest-members": { type: "string" },
    "digest-scale": { type: "string" },
    "no-import": { type: "boolean", default: false },
    "import-rows": { type: "string" },
    strict: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const small = values.scale === "small";
const opt = {
  duration: Number(values.duration),
  warmup: Number(values.warmup),
  connections: Number(values.connections),
  sqlRuns: Number(values["sql-runs"]),
  digestMembers: Number(values["digest-members"] ?? (small ? 100 : 1000)),
  digestScale: Number(values["digest-scale"] ?? (small ? 0.02 : 1)),
  importRows: Number(values["import-rows"] ?? (small ? 1000 : 10000)),
};
if (
  ![opt.duration, opt.connections, opt.sqlRuns, opt.digestMembers, opt.importRows].every((n) => Number.isInteger(n) && n >= 1) ||
  !Number.isInteger(opt.warmup) || opt.warmup < 0 || !(opt.digestScale > 0 && opt.digestScale <= 1) ||
  (values.scale !== undefined && !small)
) {
  console.error(USAGE);
  process.exit(1);
}
if (small && process.env.DATABASE_URL) {
  console.error("--scale small seeds its own PGlite folder: unset DATABASE_URL (the PostgreSQL figures come from the seeded database at full scale).");
  process.exit(1);
}
if (!small && !process.env.DATABASE_URL) {
  console.error("Set DATABASE_URL to the database `npm run seed:large` filled, or pass --scale small to bench the embedded PGlite.");
  process.exit(1);
}

const SQL_WARMUP = 10;
/** Budgets, p95 ms at one request at a time (PRODUCT.md §10, issues #5 and #9). */
const BUDGET = { dashboard: 150, list: 100, balance: 150, page: 100, search: 50, log: 80, digestPage: 250 } as const;
/** Digest run: 1,000 members in under 60 s; import: 10,000 rows in under 10 s, preview included. */
const DIGEST_BUDGET_S = 60;
const IMPORT_BUDGET_S = 10;
const DIGEST_MIN_RATE = 1000 / DIGEST_BUDGET_S;
const TERMS = { common: "engineer", rare: "zeppelin" } as const;

const log = (msg: string) => console.error(`[bench] ${msg}`);
const ms = (n: number | undefined) => (n !== undefined && Number.isFinite(n) ? n.toFixed(1) : "-");

type Route = {
  name: string;
  what: string;
  budget: number | null;
  request: HttpRequestSpec;
  /** A check on the first answer's body: the route really rendered what it measures. */
  expect?: string;
  phases: Phase[];
};

type Row = {
  name: string;
  what: string;
  path: string;
  budget: number | null;
  http: HttpFigures;
  sql: Summary | null;
  verdict: "PASS" | "MISS" | "-";
  statements?: number;
  plans?: { sql: string; params: unknown[]; plan: string }[];
};

/** The phases every signed-in request starts with: Auth.js's jwt callback re-reads the user, then the membership. */
function authPhases(userId: string, slug: string): Phase[] {
  return [
    { name: "session user", run: (db) => getSessionUser(db, userId) },
    { name: "membership", run: (db) => getMembershipBySlug(db, userId, slug) },
  ];
}

function routes(ctx: {
  slug: string;
  workspace: BenchWorkspace;
  member: BenchMember;
  heavy: BenchContact;
  target: BenchContact;
  base: () => string;
  cookie: () => string;
  loggedIds: string[];
}): Route[] {
  const { slug, workspace, member, heavy, target } = ctx;
  const scope = { workspaceId: workspace.id, userId: member.id };
  const tz = member.timeZone;
  const headers = () => ({ cookie: ctx.cookie() });
  const get = (p: string): HttpRequestSpec => ({ url: ctx.base() + p, headers: headers() });
  const auth = authPhases(member.id, slug);
  // A workspace page also renders the layout: the workspace switcher's list, beside the page's own reads.
  const layout = (run: (db: Db) => Promise<unknown>): Phase => ({ name: "layout + page", parallel: true, run: (db) => Promise.all([listWorkspacesForUser(db, member.id), run(db)]) });
  const list = (q: Record<string, string>) => (db: Db) => listContacts(db, scope, contactListQuerySchema.parse(q));
  const listRoute = (name: string, what: string, budget: number, q: Record<string, string>): Route => ({
    name, what, budget,
    request: get(`/w/${slug}/contacts${Object.keys(q).length ? `?${new URLSearchParams(q)}` : ""}`),
    expect: "Contacts",
    phases: [...auth, layout(list(q))],
  });
  const search = (term: string, what: string): Route => ({
    name: `search: ${what} ("${term}")`, what: "JSON (search as you type)", budget: BUDGET.search,
    request: get(`/api/w/${slug}/contacts?q=${term}`),
    expect: '"items"',
    phases: [...auth, { name: "search", run: list({ q: term }) }],
  });
  const entry = (id: string) => ({
    id, contactId: target.id, direction: "mutual" as const, kind: "call" as const, weight: 2,
    date: todayIn(tz), summary: "Bench: call (logged by npm run bench, deleted after)",
  });
  const captureId = randomUUID();

  return [
    {
      name: "dashboard", what: "page (server render + prefetch)", budget: BUDGET.dashboard, request: get(`/w/${slug}`), expect: "Gave, 90 days",
      phases: [
        ...auth,
        layout((db) => hasContacts(db, workspace.id)),
        {
          name: "dashboard", parallel: true,
          run: (db) => { const now = new Date(); return getDashboard(db, scope, { timeZone: tz, today: todayIn(tz, now), team: !workspace.personal, now }); },
        },
      ],
    },
    listRoute("contact list: first page", "page, by name", BUDGET.list, {}),
    listRoute("contact list: by balance", "page, sorted by balance", BUDGET.balance, { sort: "balance" }),
    listRoute("contact list: filtered", "page, state = owing", BUDGET.list, { state: "owing" }),
    listRoute("contact list: tag", "page, tag = founder", BUDGET.list, { tag: "founder" }),
    {
      name: "contact page", what: `page, heaviest relationship (${heavy.mine.toLocaleString("en")} entries)`, budget: BUDGET.page,
      request: get(`/w/${slug}/contacts/${heavy.id}`), expect: "Timeline",
      phases: [
        ...auth,
        layout((db) => {
          const now = new Date();
          const id = heavy.id;
          return Promise.all([
            getContact(db, workspace.id, id), listNotesForContact(db, scope, id), getRelationship(db, scope, id, now),
            balanceHistory(db, scope, id, now), topContributions(db, scope, id, now), listInteractionsForContact(db, scope, id),
            listOpenPromises(db, scope, id), getTeamView(db, workspace.id, id, now), listAskCollisions(db, workspace.id, now, id),
          ]);
        }),
      ],
    },
    search(TERMS.common, "common"),
    search(TERMS.rare, "rare, only in notes"),
    {
      name: "log an interaction", what: `POST JSON, archived contact (${target.mine.toLocaleString("en")} entries)`, budget: BUDGET.log,
      request: {
        url: `${ctx.base()}/api/w/${slug}/interactions`, method: "POST",
        headers: { ...headers(), "content-type": "application/json" },
        body: () => {
          const id = randomUUID();
          ctx.loggedIds.push(id);
          return JSON.stringify(entry(id));
        },
      },
      phases: [
        ...auth,
        {
          name: "log",
          run: async (db) => {
            const { date, ...fields } = entry(captureId);
            ctx.loggedIds.push(captureId);
            return logInteraction(db, scope, { ...fields, details: null, occurredAt: startOfDateIn(date, tz) });
          },
          rewrite: () => {
            const fresh = randomUUID();
            ctx.loggedIds.push(fresh);
            return (params) => params.map((p) => (p === captureId ? fresh : p));
          },
        },
      ],
    },
    {
      name: "digest page", what: "page, last complete week", budget: BUDGET.digestPage, request: get(`/w/${slug}/digest`), expect: "Digest",
      phases: [...auth, layout((db) => loadDigest(db, { workspaceId: workspace.id, userId: member.id, timeZone: tz }, lastCompleteWeek(new Date(), tz)))],
    },
  ];
}

/** Deletes the entries the bench logged: in bulk, then one through the app so the relationship's stats are rewritten. */
async function deleteLogged(db: Db, scope: { workspaceId: string; userId: string }, contactId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const [last, ...rest] = ids;
  for (let i = 0; i < rest.length; i += 1000) {
    await db.delete(interactions).where(and(eq(interactions.workspaceId, scope.workspaceId), eq(interactions.userId, scope.userId), eq(interactions.contactId, contactId), inArray(interactions.id, rest.slice(i, i + 1000))));
  }
  if (last) await deleteInteraction(db, scope, last);
}

/** Runs a bench script as a child process; it writes its figures to a JSON file, which is returned. */
function childBench<T>(script: string, tsxArgs: string[], args: string[], env: EnvVars, timeoutMinutes: number): T | { error: string } {
  const out = path.join(os.tmpdir(), `mutual-bench-${path.basename(script, ".ts")}-${process.pid}-${Date.now()}.json`);
  log(`${script} ${args.join(" ")}`);
  const res = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), [...tsxArgs, script, ...args, "--json", out], {
    cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "inherit", "inherit"], timeout: timeoutMinutes * 60_000,
  });
  if (res.error) log(`${script}: ${res.error.message}`);
  try {
    return JSON.parse(fs.readFileSync(out, "utf8")) as T;
  } catch {
    return { error: `${script} exited ${res.status ?? res.signal} without figures` };
  } finally {
    fs.rmSync(out, { force: true });
  }
}

/** DIGEST_DATABASE_URL, or mutual_digest_bench on DATABASE_URL's server (created when missing). */
async function digestDatabaseUrl(): Promise<string> {
  if (process.env.DIGEST_DATABASE_URL) return process.env.DIGEST_DATABASE_URL;
  const url = new URL(process.env.DATABASE_URL ?? "");
  url.pathname = "/mutual_digest_bench";
  const admin = postgres(process.env.DATABASE_URL ?? "", { max: 1, onnotice: () => {} });
  try {
    const [found] = await admin`select 1 from pg_database where datname = 'mutual_digest_bench'`;
    if (!found) {
      log("creating database mutual_digest_bench for the digest run (seeded on first use, kept)");
      await admin.unsafe("create database mutual_digest_bench");
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
  return url.toString();
}

type DigestFigures = { members: number; seconds: number; membersPerSecond: number; sentOnce: boolean; verdict: string };
type ImportFigures = { rows: number; medianMs: number; rowsPerSecond: number; verdict: string };

async function main(): Promise<number> {
  const { distDir, buildId } = buildDir();
  const loadAtStart = load1();
  log(`load average at start ${loadLine()} (${os.cpus().length} cores)`);
  warnIfBusy(log);

  let dataDir: string | undefined;
  if (small) dataDir = seedSmallPglite(log);

  let server: NextServer | undefined;
  let serverDataDir: string | undefined;
  let cleanUp = async () => {};
  let loggedAndDeleted = 0;
  try {
    let handle = await getHandle();
    const kind: DriverKind = handle.kind;
    const slug = values.workspace;
    const { workspace, member } = await pickMember(handle.db, slug, values.user);
    const scope = { workspaceId: workspace.id, userId: member.id };
    const heavy = await heaviestContact(handle.db, workspace.id, member.id);
    const target = await logTarget(handle.db, workspace.id, member.id);
    log(`${slug}, ${member.email}: ${member.interactions.toLocaleString("en")} interactions, ${member.relationships.toLocaleString("en")} relationships`);
    log(`contact page: ${heavy.name} (${heavy.mine} entries); entries are logged on archived contact ${target.name} and deleted after`);

    const ctx = { slug, workspace, member, heavy, target, base: () => server?.base ?? "", cookie: () => cookie, loggedIds: [] as string[] };
    // What the bench logged is deleted however the run ends (the PGlite folder goes as a whole).
    cleanUp = async () => {
      const ids = ctx.loggedIds.splice(0);
      if (kind !== "postgres" || ids.length === 0) return;
      log(`deleting the ${ids.length} entries the bench logged on ${target.name}`);
      await deleteLogged((await getHandle()).db, scope, target.id, ids);
      loggedAndDeleted += ids.length;
    };
    let cookie = "";
    const all = routes(ctx);
    const chosen = all.filter((r) => !values.only || r.name.includes(values.only));

    // The raw SQL of each route. PGlite is one process's: its floors are taken before the server opens the folder.
    const captured = new Map<string, CapturedPhase[]>();
    const floors = new Map<string, Summary>();
    const takeFloor = async (r: Route) => {
      const phases = await capturePhases(handle.db, kind, r.phases);
      captured.set(r.name, phases);
      floors.set(r.name, await sqlFloor(handle.db, kind, phases, opt.sqlRuns, SQL_WARMUP));
      log(`${r.name}: raw SQL p95 ${floors.get(r.name)?.p95} ms (${phases.reduce((n, p) => n + p.statements.length, 0)} statements)`);
    };
    if (kind === "pglite") {
      for (const r of chosen) await takeFloor(r);
      await closeDb();
    }

    // On PostgreSQL the server's DATA_DIR holds only its generated files (none with AUTH_SECRET set).
    serverDataDir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "mutual-bench-data-"));
    const env: EnvVars = { AUTH_SECRET: randomBytes(33).toString("base64url"), DIGEST_SCHEDULER: "off", SMTP_URL: "", DATA_DIR: serverDataDir };
    const started = Date.now();
    server = await startNextServer({ distDir, env: { ...env, APP_URL: undefined } });
    log(`next start (${distDir}) on ${server.base}, healthy after ${((Date.now() - started) / 1000).toFixed(1)} s; signing in as ${member.email}`);
    cookie = await signIn(server.base, member.email, SEED_PASSWORD);

    const measure = (spec: HttpRequestSpec) =>
      measureHttp(spec, { warmupSeconds: opt.warmup, seconds: opt.duration, connections: opt.connections, onFailure: log });
    const floorRoutes = [
      { name: "/api/health", what: "framework floor: route handler + select 1", request: { url: `${server.base}/api/health` } },
      { name: "/sign-in", what: "page floor: small dynamic page", request: { url: `${server.base}/sign-in` } },
    ];
    const floorRows: Row[] = [];
    for (const f of floorRoutes) {
      log(`${f.name}: warm-up ${opt.warmup} s, ${opt.duration} s at 1 and at ${opt.connections} connections`);
      floorRows.push({ name: f.name, what: f.what, path: f.name, budget: null, http: await measure(f.request), sql: null, verdict: "-" });
    }
    const framework = floorRows[0]!.http;

    const rows: Row[] = [];
    for (const r of routes(ctx).filter((x) => chosen.some((c) => c.name === x.name))) {
      const probe = await fetch(r.request.url, {
        method: r.request.method ?? "GET", redirect: "manual", headers: r.request.headers,
        ...(r.request.body ? { body: r.request.body() } : {}),
      });
      const text = await probe.text();
      if (probe.status < 200 || probe.status > 299) throw new Error(`${r.name}: ${r.request.method ?? "GET"} ${new URL(r.request.url).pathname} answered ${probe.status}`);
      if (r.expect && !text.includes(r.expect)) throw new Error(`${r.name}: the answer does not contain "${r.expect}" — not the page measured`);
      if (kind === "postgres") await takeFloor(r);
      log(`${r.name}: ${(text.length / 1024).toFixed(0)} KiB; warm-up ${opt.warmup} s, ${opt.duration} s at 1 and at ${opt.connections} connections`);
      const http = await measure(r.request);
      const sqlFigures = floors.get(r.name) ?? null;
      const row: Row = {
        name: r.name, what: r.what, path: new URL(r.request.url).pathname + new URL(r.request.url).search, budget: r.budget, http, sql: sqlFigures,
        // No answer within the run at all is a miss too (p95 is then NaN).
        verdict: r.budget === null ? "-" : http.p95 <= r.budget ? "PASS" : "MISS",
        statements: captured.get(r.name)?.reduce((n, p) => n + p.statements.length, 0),
      };
      rows.push(row);
    }
    await server.stop();
    server = undefined;

    if (kind === "pglite") handle = await getHandle();
    await cleanUp();
    if (values.explain) {
      for (const row of rows.filter((x) => x.verdict === "MISS" || (x.sql && x.http.p95 > 2 * x.sql.p95))) {
        const statements = (captured.get(row.name) ?? []).flatMap((p) => p.statements);
        row.plans = await explainStatements(handle.db, statements);
      }
    }
    await closeDb();

    // The batch figures, each its own process (they set up data and environments of their own).
    let digest: DigestFigures | { error: string } | null = null;
    let imported: ImportFigures | { error: string } | null = null;
    if (!values["no-digest"]) {
      const digestEnv: EnvVars = small ? { DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "mutual-bench-digest-")) } : { DATABASE_URL: await digestDatabaseUrl() };
      digest = childBench<DigestFigures>("bench/digest.ts", ["--tsconfig", "tsconfig.scripts.json"], ["--members", String(opt.digestMembers), "--scale", String(opt.digestScale)], digestEnv, 30);
      if (digestEnv.DATA_DIR) fs.rmSync(digestEnv.DATA_DIR, { recursive: true, force: true });
    }
    if (!values["no-import"]) {
      imported = childBench<ImportFigures>("bench/import.ts", ["--conditions=react-server"], ["--rows", String(opt.importRows), "--runs", "1"], dataDir ? { DATA_DIR: dataDir } : {}, 10);
    }

    // The children judge their own run against the budget's size; a smaller run is judged by its rate.
    if (digest && !("error" in digest)) digest.verdict = digest.membersPerSecond >= DIGEST_MIN_RATE && digest.sentOnce ? "PASS" : "MISS";
    if (imported && !("error" in imported)) imported.verdict = imported.rowsPerSecond >= 10_000 / IMPORT_BUDGET_S ? "PASS" : "MISS";
    const loadAtEnd = load1();
    const table = markdownTable(
      [
        ["route", "what", "n @1", "p50 ms", "p95 ms", "p99 ms", `req/s @${opt.connections}`, "budget p95", "verdict", "÷ /api/health p95", "raw SQL p95 ms", "÷ SQL p95"],
        ...[...floorRows, ...rows].map((r) => [
          r.name, r.what, String(r.http.requests1), ms(r.http.p50), ms(r.http.p95), ms(r.http.p99), r.http.reqPerSec.toFixed(0),
          r.budget === null ? "-" : `${r.budget} ms`, r.verdict, ratio(r.http.p95, framework.p95),
          ms(r.sql?.p95), ratio(r.http.p95, r.sql?.p95),
        ]),
      ],
      2,
    );
    const db = small ? "PGlite (--scale small, 1,000 contacts)" : "PostgreSQL";
    console.log(
      `\nMutual bench: ${db}, next start (${distDir}), ${os.cpus().length} cores, as ${member.email}; ` +
        `p50–p99 at 1 request at a time over ${opt.duration} s, req/s at ${opt.connections} connections; raw SQL over ${opt.sqlRuns} replays\n` +
        `load average: ${loadAtStart.toFixed(2)} at start, ${loadAtEnd.toFixed(2)} at end\n`,
    );
    console.log(table);
    const batchLines: string[] = [];
    if (digest) {
      batchLines.push(
        "error" in digest
          ? `digest run: ${digest.error}`
          : `digest run: ${digest.members} members in ${digest.seconds.toFixed(1)} s = ${digest.membersPerSecond.toFixed(1)} members/s — ${digest.verdict} (budget: 1,000 members in ${DIGEST_BUDGET_S} s, i.e. ≥ ${DIGEST_MIN_RATE.toFixed(1)} members/s${opt.digestMembers === 1000 && opt.digestScale === 1 ? "" : `; this run: ${opt.digestMembers} members at data scale ${opt.digestScale}, not the budget's size`}); sent exactly once: ${digest.sentOnce ? "yes" : "NO"}`,
      );
    }
    if (imported) {
      batchLines.push(
        "error" in imported
          ? `LinkedIn import: ${imported.error}`
          : `LinkedIn import: ${imported.rows.toLocaleString("en")} rows in ${(imported.medianMs / 1000).toFixed(1)} s (read, preview, read again, import) = ${Math.round(imported.rowsPerSecond).toLocaleString("en")} rows/s — ${imported.verdict} (budget: 10,000 rows in ${IMPORT_BUDGET_S} s, i.e. ≥ 1,000 rows/s)`,
      );
    }
    if (batchLines.length) console.log(`\n${batchLines.join("\n")}`);
    console.log(
      "\nFloors: /api/health is a route handler that runs `select 1` on the same server (the framework and one database round trip); " +
        "raw SQL is the statements the route's own query functions send (session user, membership, layout, page data), replayed straight through " +
        `the same ${kind === "postgres" ? "postgres.js pool" : "PGlite instance"} with the route's concurrency — what the route would cost if the database were all it did.`,
    );
    for (const r of rows.filter((x) => x.plans)) {
      console.log(`\n=== ${r.name}: p95 ${r.http.p95} ms, raw SQL p95 ${r.sql?.p95} ms ===`);
      for (const p of r.plans ?? []) console.log(`\n${p.sql}\n-- params: ${JSON.stringify(p.params)}\n${p.plan}`);
    }

    const when = new Date().toISOString();
    const outDir = path.join(root, "bench", "results");
    fs.mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `bench-${when.replace(/[:.]/g, "-")}.json`);
    const report = {
      when, commit: commit(), buildId, distDir, database: kind, scale: small ? "small" : "seeded",
      options: opt, percentiles: "nearest-rank over every 2xx answer (HTTP) or replay (SQL), ms",
      machine: { ...machine(), loadAverage: { atStart: loadAtStart, atEnd: loadAtEnd } },
      member: { email: member.email, interactions: member.interactions, relationships: member.relationships },
      contacts: { page: heavy, logTarget: target }, loggedAndDeleted,
      budgetsP95Ms: BUDGET, floors: floorRows, routes: rows, digest, import: imported,
    };
    fs.writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
    console.log(`\nwritten: ${path.relative(root, file)}`);

    const failed = [...floorRows, ...rows].filter((r) => r.http.failures > 0);
    for (const r of failed) log(`${r.name}: ${r.http.failures} failed requests (errors, timeouts or non-2xx) — figures are suspect`);
    const missed = rows.filter((r) => r.verdict === "MISS");
    if (missed.length) log(`over budget: ${missed.map((r) => r.name).join("; ")}`);
    const batchFailed = [digest, imported].some((b) => b && ("error" in b || b.verdict !== "PASS"));
    return failed.length > 0 || (values.strict && (missed.length > 0 || batchFailed)) ? 1 : 0;
  } catch (err) {
    if (server) console.error(`--- last server output ---\n${server.tail()}`);
    throw err;
  } finally {
    await server?.stop();
    await cleanUp().catch((err: unknown) => log(`could not delete the logged entries: ${String(err)}`));
    await closeDb();
    for (const dir of new Set([dataDir, serverDataDir])) if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

await runBench(main, log);
