/**
 * Data-layer benchmark of the contact list: `npm run seed:large && npm run bench:contacts`.
 * Calls `listContacts` (db/queries/contacts.ts) directly — no HTTP — against the seeded
 * database (PostgreSQL with DATABASE_URL, else PGlite in DATA_DIR), as a member of the
 * `seed-large` workspace. Per case: a warm-up, then --runs timed calls one after another;
 * exact nearest-rank percentiles; budgets from PRODUCT.md §10 as sharpened for this bench
 * (list p95 ≤ 100 ms, search p95 ≤ 50 ms). Rows over budget get EXPLAIN (ANALYZE, BUFFERS)
 * of the very SQL listContacts sent. See bench/README.md.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { closeDb, getHandle, queryRows, type Db } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { listContacts, type Scope } from "@/db/queries/contacts";
import { contactListQuerySchema, type ContactListQuery } from "@/lib/validation/contacts";
import { capturingDb, explainStatements } from "./lib/sql";
import { percentile } from "./lib/stats";

const root = path.resolve(import.meta.dirname, "..");
const USAGE = `Usage: npm run bench:contacts [-- options]
  --runs N          timed calls per case (default 200)
  --warmup N        untimed calls per case first (default 20)
  --workspace SLUG  workspace to query (default seed-large)
  --user EMAIL      member to query as (default seed3@seed-large.test, a plain member)
  --explain MODE    over (default): EXPLAIN (ANALYZE, BUFFERS) the rows over budget; all; none
  --deep N          pages to follow before the timed deep page (default 20)
  --only TEXT       run only the cases whose name contains TEXT
  --migrate         apply pending migrations first (else the bench refuses a database behind the code)
  --strict          exit 1 when a row is over budget`;

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "200" },
    warmup: { type: "string", default: "20" },
    workspace: { type: "string", default: "seed-large" },
    user: { type: "string", default: "seed3@seed-large.test" },
    explain: { type: "string", default: "over" },
    deep: { type: "string", default: "20" },
    only: { type: "string" },
    migrate: { type: "boolean", default: false },
    strict: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const runs = Number(values.runs);
const warmup = Number(values.warmup);
const deepPages = Number(values.deep);
const explainMode = values.explain;
if (![runs, warmup, deepPages].every((n) => Number.isInteger(n) && n >= 0) || runs < 1) {
  console.error(`--runs (≥ 1), --warmup and --deep take whole numbers\n${USAGE}`);
  process.exit(1);
}
if (explainMode !== "over" && explainMode !== "all" && explainMode !== "none") {
  console.error(`--explain is over, all or none\n${USAGE}`);
  process.exit(1);
}

/** The budgets of this bench (PostgreSQL, 2 cores), p95 in ms. */
const BUDGET = { list: 100, search: 50 } as const;
/** Terms the seed guarantees (scripts/seed-large.ts): common, only-in-notes, two letters, a surname. */
const TERMS = { common: "engineer", rare: "zeppelin", short: "an", surname: "okafor" } as const;

type Kind = keyof typeof BUDGET | "floor";
type Case = { name: string; kind: Kind; query?: ContactListQuery };
type Row = {
  name: string; kind: Kind; budgetP95: number | null; rows: number; hasNext: boolean;
  p50: number; p95: number; p99: number; mean: number; min: number; max: number;
  verdict: "PASS" | "OVER" | "-"; query?: ContactListQuery; sql?: string; params?: unknown[]; plan?: string;
};

const log = (msg: string) => console.error(`[bench] ${msg}`);
const round = (n: number, digits = 2) => Number(n.toFixed(digits));
const query = (q: Record<string, string>): ContactListQuery => contactListQuerySchema.parse(q);





/** Migrations in db/migrations that this database has not applied (drizzle records each one's `when`). */
async function pendingMigrations(db: Db): Promise<string[]> {
  const journal = JSON.parse(fs.readFileSync(path.join(root, "db", "migrations", "meta", "_journal.json"), "utf8")) as {
    entries: { tag: string; when: number }[];
  };
  let applied = 0;
  try {
    const [row] = await queryRows<{ last: string | number | null }>(db, sql`select max(created_at) as last from drizzle.__drizzle_migrations`);
    applied = Number(row?.last ?? 0);
  } catch {
    /* no migrations table: nothing applied */
  }
  return journal.entries.filter((e) => e.when > applied).map((e) => e.tag);
}

async function main(): Promise<number> {
  if (values.migrate) await runMigrations();
  const handle = await getHandle();
  const pending = await pendingMigrations(handle.db);
  if (pending.length > 0) {
    log(`this database lacks migrations the code expects (${pending.join(", ")}): re-run with --migrate, or seed a fresh one`);
    return 1;
  }
  const { db, kind: database } = handle;
  const [ws] = await queryRows<{ id: string }>(db, sql`select id from workspaces where slug = ${values.workspace}`);
  if (!ws) {
    log(`no workspace "${values.workspace}" here: run \`npm run seed:large\` against this database first`);
    return 1;
  }
  const [member] = await queryRows<{ id: string; role: string }>(
    db,
    sql`select u.id, m.role from users u join memberships m on m.user_id = u.id and m.workspace_id = ${ws.id} where u.email = ${values.user}`,
  );
  if (!member) {
    log(`${values.user} is not a member of ${values.workspace}`);
    return 1;
  }
  const scope: Scope = { workspaceId: ws.id, userId: member.id };
  const [size] = await queryRows<{ contacts: number; notes: number; visible: number; other: number }>(
    db,
    sql`select (select count(*)::int from contacts where workspace_id = ${ws.id}) as contacts,
               (select count(*)::int from notes where workspace_id = ${ws.id}) as notes,
               (select count(*)::int from notes where workspace_id = ${ws.id} and (visibility = 'team' or author_id = ${member.id})) as visible,
               (select count(*)::int from contacts where workspace_id <> ${ws.id}) as other`,
  );
  const [company] = await queryRows<{ company: string; n: number }>(
    db,
    sql`select company, count(*)::int as n from contacts where workspace_id = ${ws.id} and company is not null
        and archived_at is null group by company order by count(*) desc, company limit 1`,
  );
  const [rareTerm] = await queryRows<{ notes: number; contacts: number }>(
    db,
    sql`select (select count(*)::int from notes where workspace_id = ${ws.id} and body ilike ${`%${TERMS.rare}%`}) as notes,
               (select count(*)::int from contacts where workspace_id = ${ws.id} and search_text like ${`%${TERMS.rare}%`}) as contacts`,
  );
  log(
    `${database === "postgres" ? "PostgreSQL" : "PGlite"}; workspace ${values.workspace}: ${size?.contacts} contacts, ` +
      `${size?.notes} notes (${size?.visible} readable by ${values.user}, ${member.role}); ${size?.other} contacts elsewhere`,
  );
  log(`"${TERMS.rare}" is in ${rareTerm?.notes} notes and ${rareTerm?.contacts} contacts' own fields`);

  // Follows nextCursor up to --deep times; the page after is the one timed (fewer on a small seed).
  async function deep(sort: "name" | "recent" | "balance"): Promise<{ cursor?: string; page: number }> {
    let cursor: string | undefined;
    let page = 1;
    for (let i = 0; i < deepPages; i++) {
      const next = (await listContacts(db, scope, query({ sort, ...(cursor ? { cursor } : {}) }))).nextCursor;
      if (!next) break;
      cursor = next;
      page++;
    }
    return { cursor, page };
  }
  const [byName, byRecent, byBalance] = [await deep("name"), await deep("recent"), await deep("balance")];

  const allCases: Case[] = [
    { name: "select 1 (round-trip floor)", kind: "floor" },
    { name: "list: by name, first page", kind: "list", query: query({ sort: "name" }) },
    { name: "list: by recent, first page", kind: "list", query: query({ sort: "recent" }) },
    { name: `list: by name, page ${byName.page}`, kind: "list", query: query({ sort: "name", ...(byName.cursor ? { cursor: byName.cursor } : {}) }) },
    { name: `list: by recent, page ${byRecent.page}`, kind: "list", query: query({ sort: "recent", ...(byRecent.cursor ? { cursor: byRecent.cursor } : {}) }) },
    { name: "list: by balance, first page", kind: "list", query: query({ sort: "balance" }) },
    { name: `list: by balance, page ${byBalance.page}`, kind: "list", query: query({ sort: "balance", ...(byBalance.cursor ? { cursor: byBalance.cursor } : {}) }) },
    { name: "list: by balance, balanced only", kind: "list", query: query({ sort: "balance", state: "balanced" }) },
    { name: "list: by balance, tag founder", kind: "list", query: query({ sort: "balance", tag: "founder" }) },
    { name: "tag: founder (common)", kind: "list", query: query({ tag: "founder" }) },
    { name: "tag: beekeeping (rare)", kind: "list", query: query({ tag: "beekeeping" }) },
    { name: `company: ${company?.company ?? "?"} (${company?.n ?? 0})`, kind: "list", query: query({ company: company?.company ?? "" }) },
    { name: `search: ${TERMS.common} (common)`, kind: "search", query: query({ q: TERMS.common }) },
    { name: `search: ${TERMS.surname} (surname)`, kind: "search", query: query({ q: TERMS.surname }) },
    { name: `search: ${TERMS.rare} (only in notes)`, kind: "search", query: query({ q: TERMS.rare }) },
    { name: `search: ${TERMS.short} (2 letters)`, kind: "search", query: query({ q: TERMS.short }) },
  ];
  const cases = allCases.filter((c) => !values.only || c.kind === "floor" || c.name.includes(values.only));

  const [load1] = os.loadavg();
  if ((load1 ?? 0) > os.cpus().length) log(`warning: load average ${load1?.toFixed(1)} on ${os.cpus().length} cores — other work will skew the figures`);
  const capture = capturingDb(db, database);
  const results: Row[] = [];
  for (const c of cases) {
    const q = c.query;
    const call = q ? () => listContacts(db, scope, q) : () => queryRows(db, sql`select 1 as ok`).then((rows) => ({ items: rows, nextCursor: null }));
    log(`${c.name}: ${warmup} warm-up, ${runs} timed`);
    for (let i = 0; i < warmup; i++) await call();
    const times: number[] = [];
    let last: Awaited<ReturnType<typeof call>> = { items: [], nextCursor: null };
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      last = await call();
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const budget = c.kind === "floor" ? null : BUDGET[c.kind];
    const p95 = percentile(times, 95);
    const row: Row = {
      name: c.name, kind: c.kind, budgetP95: budget, rows: last.items.length, hasNext: last.nextCursor !== null,
      p50: round(percentile(times, 50)), p95: round(p95), p99: round(percentile(times, 99)),
      mean: round(times.reduce((a, b) => a + b, 0) / times.length), min: round(times[0] ?? Number.NaN), max: round(times.at(-1) ?? Number.NaN),
      verdict: budget === null ? "-" : p95 <= budget ? "PASS" : "OVER", ...(q ? { query: q } : {}),
    };

    if (q) {
      // Isolation: every contact returned belongs to the workspace asked for.
      const ids = last.items.map((item) => String((item as { id?: unknown }).id));
      if (ids.length > 0) {
        const [inside] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from contacts where workspace_id = ${ws.id} and id in ${ids}`);
        if (inside?.n !== ids.length) throw new Error(`${c.name}: ${ids.length - (inside?.n ?? 0)} contacts from another workspace came back`);
      }
      if (explainMode === "all" || (explainMode === "over" && row.verdict === "OVER")) {
        capture.take();
        await listContacts(capture.db, scope, q);
        const statement = capture.take().at(-1) ?? { sql: "", params: [] };
        row.sql = statement.sql;
        row.params = statement.params;
        row.plan = (await explainStatements(db, [statement]))[0]?.plan;
      }
    }
    results.push(row);
  }

  const table = [
    ["case", "rows", "p50 ms", "p95 ms", "p99 ms", "budget p95", "verdict"],
    ...results.map((r) => [
      r.name, r.kind === "floor" ? "-" : `${r.rows}${r.hasNext ? "+" : ""}`, r.p50.toFixed(2), r.p95.toFixed(2), r.p99.toFixed(2),
      r.budgetP95 === null ? "-" : `${r.budgetP95} ms`, r.verdict,
    ]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  console.log(
    `\nMutual contacts bench: listContacts on ${database === "postgres" ? "PostgreSQL" : "PGlite"}, ${size?.contacts} contacts / ` +
      `${size?.notes} notes, ${os.cpus().length} cores, ${runs} runs after ${warmup} warm-up, as a ${member.role}\n`,
  );
  console.log([line(table[0]!), rule, ...table.slice(1).map(line)].join("\n"));
  console.log("\nrows: items on the page; + means there is a next page. Budgets are for PostgreSQL on 2 cores.");
  for (const r of results.filter((x) => x.plan)) {
    console.log(`\n--- ${r.name}: ${r.verdict}, p95 ${r.p95} ms ---\n${r.sql}\n-- params: ${JSON.stringify(r.params)}\n${r.plan}`);
  }

  // What the figures were measured against: the code, and the indexes the plans could use.
  const indexes = await queryRows<{ indexdef: string }>(
    db,
    sql`select indexdef from pg_indexes where schemaname = 'public' and tablename in ('contacts', 'notes') order by tablename, indexname`,
  );
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["describe", "--always", "--dirty"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    /* not a git checkout */
  }
  const when = new Date().toISOString();
  const outDir = path.join(root, "bench", "results");
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `contacts-${database}-${when.replace(/[:.]/g, "-")}.json`);
  const report = {
    when, commit, database, runs, warmup, deepPages, percentiles: "nearest-rank over every timed call, ms",
    budgetsP95Ms: BUDGET, scope: { workspace: values.workspace, user: values.user, role: member.role },
    dataset: { ...size, topCompany: company ?? null, rareTerm: { term: TERMS.rare, ...rareTerm } },
    machine: {
      cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown", node: process.version, platform: `${os.platform()} ${os.release()}`,
      loadAverage: { atStart: round(load1 ?? 0), atEnd: round(os.loadavg()[0] ?? 0) },
    },
    indexes: indexes.map((i) => i.indexdef),
    cases: results,
  };
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
  console.log(`\nwritten: ${path.relative(root, file)}`);
  const over = results.filter((r) => r.verdict === "OVER");
  if (over.length > 0) log(`${over.length} over budget: ${over.map((r) => r.name).join("; ")}`);
  return values.strict && over.length > 0 ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  console.error(`[bench] failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
} finally {
  await closeDb();
}
