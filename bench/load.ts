/**
 * Load test of the contact list: `npm run build && npm run bench:load [-- options]`.
 *
 * Makes a throwaway PostgreSQL database (`mutual_sec_load_<time>` on --admin-url; dropped at
 * the end), migrates it, seeds one member with --contacts contacts (default 10,000) in one
 * set-based insert, starts `next start` of the production build (NEXT_DIST_DIR, default
 * .next) on it, signs in through Auth.js as that member, and then --runs times (default 3)
 * sends GET /w/<slug>/contacts with the session cookie at a fixed rate with autocannon
 * (--rate 50 req/s over --connections 20, --duration 60 s). Per run: p50/p95/p99 of every
 * answer's own time, requests, errors (transport errors, timeouts and non-2xx), and the
 * server's resident memory (its process tree) before and after.
 *
 * Exits 1 on any error, or when the server's memory after the last run is more than
 * --growth (default 15 %) above its memory after the first: a leak grows run after run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import postgres from "postgres";
import { buildDir, startNextServer, type NextServer } from "./lib/server";
import { signIn } from "./lib/sign-in";
import { percentile } from "./lib/stats";

const USAGE = `Usage: npm run bench:load [-- options]
  --contacts N     contacts in the member's workspace (default 10000)
  --rate N         requests per second, all connections together (default 50)
  --connections N  connections (default 20)
  --duration S     seconds per run (default 60)
  --runs N         runs (default 3)
  --growth PCT     allowed memory growth from after run 1 to after the last run (default 15)
  --admin-url URL  PostgreSQL to make the throwaway database on (default postgres://postgres@127.0.0.1:5432/postgres)`;

const { values } = parseArgs({
  options: {
    contacts: { type: "string", default: "10000" },
    rate: { type: "string", default: "50" },
    connections: { type: "string", default: "20" },
    duration: { type: "string", default: "60" },
    runs: { type: "string", default: "3" },
    growth: { type: "string", default: "15" },
    "admin-url": { type: "string", default: "postgres://postgres@127.0.0.1:5432/postgres" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const opt = {
  contacts: Number(values.contacts),
  rate: Number(values.rate),
  connections: Number(values.connections),
  duration: Number(values.duration),
  runs: Number(values.runs),
  growth: Number(values.growth),
};
if (!Object.values(opt).every((n) => Number.isFinite(n) && n > 0)) {
  console.error(USAGE);
  process.exit(1);
}
let distDir: string;
try {
  distDir = buildDir().distDir;
} catch (err) {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
}

const log = (msg: string) => console.error(`[load] ${msg}`);
const PASSWORD = "load test passphrase 42";



/** Resident memory of a process and all its descendants, in MiB (from /proc). */
function treeRssMiB(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* gone meanwhile */
    }
  }
  let kib = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      kib += Number(fs.readFileSync(`/proc/${p}/status`, "utf8").match(/^VmRSS:\s+(\d+)/m)?.[1] ?? 0);
    } catch {
      /* gone meanwhile */
    }
    stack.push(...(children.get(p) ?? []));
  }
  return kib / 1024;
}



type Run = { run: number; requests: number; p50: number; p95: number; p99: number; errors: number; reqPerSec: number; rssBefore: number; rssAfter: number };

async function loadRun(url: string, cookie: string, seconds: number) {
  const times: number[] = [];
  const instance = autocannon({
    url,
    connections: opt.connections,
    overallRate: opt.rate,
    duration: seconds,
    timeout: 30,
    headers: { cookie },
  });
  instance.on("response", (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) times.push(ms);
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return { times, result, errors: result.errors + result.timeouts + result.non2xx };
}

async function main(): Promise<number> {
  const dbName = `mutual_sec_load_${Date.now()}`;
  const admin = postgres(values["admin-url"], { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  const dbUrl = new URL(values["admin-url"]);
  dbUrl.pathname = `/${dbName}`;
  process.env.DATABASE_URL = dbUrl.toString();
  let server: NextServer | undefined;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-load-"));
  try {
    // The app's own modules, loaded after DATABASE_URL points at the new database.
    const { runMigrations } = await import("@/db/migrate");
    const { getDb, closeDb } = await import("@/db/client");
    const { createAccount } = await import("@/db/queries/users");
    const { hashPassword } = await import("@/lib/password");
    const { sql } = await import("drizzle-orm");

    log(`database ${dbName}: migrating and seeding ${opt.contacts} contacts`);
    await runMigrations();
    const db = await getDb();
    const email = "load@example.test";
    const account = await createAccount(db, { name: "Lena Load", email, timeZone: "UTC", passwordHash: await hashPassword(PASSWORD) });
    if (!account) throw new Error("could not create the load-test member");
    const slug = account.workspaceSlug;
    await db.execute(sql`
      insert into contacts (workspace_id, created_by, name, company, title, emails, tags, search_text)
      select w.id, ${account.user.id}, 'Contact ' || lpad(g::text, 5, '0'), 'Company ' || (g % 400), 'Title ' || (g % 50),
             array['c' || g || '@example.test'], array['tag' || (g % 30)],
             lower('Contact ' || lpad(g::text, 5, '0') || ' Company ' || (g % 400) || ' c' || g || '@example.test tag' || (g % 30))
      from workspaces w, generate_series(1, ${opt.contacts}) g
      where w.slug = ${slug}`);
    await db.execute(sql`analyze contacts`);
    await closeDb();

    log(`starting next start (${distDir})`);
    server = await startNextServer({
      distDir,
      env: (base) => ({
        DATA_DIR: dataDir, APP_URL: base, AUTH_SECRET: "load-test-secret-that-is-long-enough-0123456789",
        DATABASE_URL: dbUrl.toString(), DIGEST_SCHEDULER: "off", SMTP_URL: "",
      }),
    });
    const base = server.base;
    const cookie = await signIn(base, email, PASSWORD);
    const url = `${base}/w/${slug}/contacts`;
    const first = await fetch(url, { headers: { cookie }, redirect: "manual" });
    const page = await first.text();
    if (first.status !== 200 || !page.includes("Contact 00001")) throw new Error(`the contact list did not render (status ${first.status})`);

    log(`warm-up: 10 s at ${opt.rate} req/s`);
    await loadRun(url, cookie, 10);

    const runs: Run[] = [];
    for (let run = 1; run <= opt.runs; run++) {
      await new Promise((r) => setTimeout(r, 5_000)); // let the server settle before reading its memory
      const rssBefore = treeRssMiB(server.pid!);
      log(`run ${run}/${opt.runs}: ${opt.rate} req/s over ${opt.connections} connections for ${opt.duration} s`);
      const { times, result, errors } = await loadRun(url, cookie, opt.duration);
      await new Promise((r) => setTimeout(r, 5_000));
      const rssAfter = treeRssMiB(server.pid!);
      runs.push({
        run,
        requests: result.requests.total,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        p99: percentile(times, 99),
        errors,
        reqPerSec: result.requests.total / result.duration,
        rssBefore,
        rssAfter,
      });
    }

    console.log(`\nGET /w/<slug>/contacts — ${opt.contacts} contacts, ${opt.rate} req/s, ${opt.connections} connections, ${opt.duration} s per run, PostgreSQL, ${os.cpus().length} cores\n`);
    console.log("| run | requests | req/s | p50 ms | p95 ms | p99 ms | errors | RSS before MiB | RSS after MiB |");
    console.log("|----:|---------:|------:|-------:|-------:|-------:|-------:|---------------:|--------------:|");
    for (const r of runs) {
      console.log(
        `| ${r.run} | ${r.requests} | ${r.reqPerSec.toFixed(1)} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.p99.toFixed(0)} | ${r.errors} | ${r.rssBefore.toFixed(0)} | ${r.rssAfter.toFixed(0)} |`,
      );
    }
    const errors = runs.reduce((n, r) => n + r.errors, 0);
    const growth = ((runs.at(-1)!.rssAfter - runs[0]!.rssAfter) / runs[0]!.rssAfter) * 100;
    console.log(`\nerrors: ${errors}; memory after the last run vs after the first: ${growth >= 0 ? "+" : ""}${growth.toFixed(1)} % (allowed ${opt.growth} %)`);
    const ok = errors === 0 && growth <= opt.growth;
    console.log(ok ? "PASS" : "FAIL");
    return ok ? 0 : 1;
  } finally {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await admin.unsafe(`drop database if exists ${dbName} with (force)`).catch(() => {});
    await admin.end();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error("[load] failed:", err);
    process.exit(1);
  },
);
