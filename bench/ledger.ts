/**
 * Data-layer benchmark of the ledger: `npm run seed:large && npm run bench:ledger`.
 * Calls the query functions of db/queries (contacts, ledger, team-scores, notes) directly —
 * no HTTP — against the seeded database (PostgreSQL with DATABASE_URL, else PGlite in
 * DATA_DIR), as the `seed-large` member with the most interactions:
 *
 * - the contact list sorted by balance (first page and page 5), filtered to `owing` and to
 *   going cold, sorted by strength and by last contact;
 * - the contact page's data for a heavy contact (the member's biggest relationship) and a
 *   typical one (the median relationship), fetched together with Promise.all exactly as
 *   app/(app)/w/[workspace]/contacts/[id]/page.tsx does, and each of its queries alone;
 * - logInteraction on the heavy relationship (a real, committed transaction: rows are added);
 * - the workspace's ask collisions.
 *
 * Per case: --warmup untimed calls, then --runs timed ones, one after another; exact
 * nearest-rank percentiles. Budgets (PostgreSQL, 2 cores, p95): list sorted by balance
 * ≤ 150 ms, other list views ≤ 100 ms, contact page ≤ 100 ms, log ≤ 80 ms. Rows over budget
 * get EXPLAIN (ANALYZE, BUFFERS) of every statement they sent. See bench/README.md.
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
import { getContact, listContacts, type Scope } from "@/db/queries/contacts";
import {
  balanceHistory,
  getRelationship,
  listInteractionsForContact,
  listOpenPromises,
  logInteraction,
  topContributions,
  type InteractionInput,
} from "@/db/queries/ledger";
import { listNotesForContact } from "@/db/queries/notes";
import { getTeamView, listAskCollisions } from "@/db/queries/team-scores";
import { KINDS, type Direction, type Kind } from "@/lib/scoring";
import { contactListQuerySchema, type ContactListQuery } from "@/lib/validation/contacts";
import { capturingDb, explainStatements, type Statement } from "./lib/sql";
import { percentile } from "./lib/stats";

const root = path.resolve(import.meta.dirname, "..");
const USAGE = `Usage: npm run bench:ledger [-- options]
  --runs N          timed calls per case (default 200)
  --warmup N        untimed calls per case first (default 20)
  --workspace SLUG  workspace to query (default seed-large)
  --user EMAIL      member to query as (default: the member with the most interactions)
  --page N          the deep page of the balance sort (default 5)
  --explain MODE    over (default): EXPLAIN (ANALYZE, BUFFERS) the rows over budget; all; none
  --only TEXT       run only the cases whose name contains TEXT
  --no-parts        skip timing the contact page's queries one by one
  --migrate         apply pending migrations first (else the bench refuses a database behind the code)
  --strict          exit 1 when a row is over budget`;

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "200" },
    warmup: { type: "string", default: "20" },
    workspace: { type: "string", default: "seed-large" },
    user: { type: "string" },
    page: { type: "string", default: "5" },
    explain: { type: "string", default: "over" },
    only: { type: "string" },
    "no-parts": { type: "boolean", default: false },
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
const deepPage = Number(values.page);
const explainMode = values.explain;
if (![runs, warmup, deepPage].every((n) => Number.isInteger(n) && n >= 0) || runs < 1 || deepPage < 2) {
  console.error(`--runs (≥ 1), --warmup and --page (≥ 2) take whole numbers\n${USAGE}`);
  process.exit(1);
}
if (explainMode !== "over" && explainMode !== "all" && explainMode !== "none") {
  console.error(`--explain is over, all or none\n${USAGE}`);
  process.exit(1);
}

/** The budgets of this bench (PostgreSQL, 2 cores), p95 in ms. `part`: informational, no budget. */
const BUDGET = { balance: 150, list: 100, page: 100, log: 80 } as const;
type Group = keyof typeof BUDGET | "floor" | "part";

type Case = {
  name: string;
  group: Group;
  /** One call; returns what came back, summarised (rows, sizes) for the table. */
  call: (db: Db) => Promise<string>;
};
type Row = {
  name: string; group: Group; budgetP95: number | null; result: string;
  p50: number; p95: number; p99: number; mean: number; min: number; max: number;
  verdict: "PASS" | "OVER" | "-"; statements?: (Statement & { plan: string })[];
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

type Member = { id: string; email: string; role: string; interactions: number; relationships: number };
type Pick = { id: string; name: string; mine: number; all: number; notes: number; promises: number };

/** The start of today in UTC: what the app stores for an interaction dated today (startOfDateIn, UTC). */
const todayUtc = () => new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);

/** What logInteraction gets on run i: kinds in each direction KINDS allows, default weights. */
const LOG_KINDS: readonly (readonly [Direction, Kind])[] = [["gave", "advice"], ["received", "information"], ["mutual", "call"], ["gave", "intro"], ["received", "ask"]];
for (const [direction, kind] of LOG_KINDS) {
  if (!KINDS[kind].directions.includes(direction)) throw new Error(`LOG_KINDS: ${kind} does not go ${direction}`);
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
  const members = await queryRows<Member>(
    db,
    sql`select u.id, u.email, m.role,
          coalesce(sum(rs.interaction_count), 0)::int as interactions, count(rs.contact_id)::int as relationships
        from memberships m join users u on u.id = m.user_id
        left join relationship_stats rs on rs.workspace_id = m.workspace_id and rs.user_id = m.user_id
        where m.workspace_id = ${ws.id}
        group by u.id, u.email, m.role order by 4 desc, u.email`,
  );
  const member = values.user ? members.find((m) => m.email === values.user) : members[0];
  if (!member || member.interactions === 0) {
    log(values.user ? `${values.user} is not a member of ${values.workspace}, or has no interactions` : `no interactions in ${values.workspace}: seed it first`);
    return 1;
  }
  const scope: Scope = { workspaceId: ws.id, userId: member.id };

  // The heavy contact: the member's biggest relationship. The typical one: the median relationship.
  const pickColumns = sql`c.id, c.name, rs.interaction_count as mine,
    (select count(*)::int from interactions i where i.workspace_id = c.workspace_id and i.contact_id = c.id) as all,
    (select count(*)::int from notes n where n.workspace_id = c.workspace_id and n.contact_id = c.id) as notes,
    (select count(*)::int from promises p where p.workspace_id = c.workspace_id and p.contact_id = c.id and p.status = 'open') as promises`;
  const [heavy] = await queryRows<Pick>(
    db,
    sql`select ${pickColumns} from relationship_stats rs join contacts c on c.workspace_id = rs.workspace_id and c.id = rs.contact_id
        where rs.workspace_id = ${ws.id} and rs.user_id = ${member.id} order by rs.interaction_count desc, c.id limit 1`,
  );
  const [typical] = await queryRows<Pick>(
    db,
    sql`select ${pickColumns} from relationship_stats rs join contacts c on c.workspace_id = rs.workspace_id and c.id = rs.contact_id
        where rs.workspace_id = ${ws.id} and rs.user_id = ${member.id}
          and rs.interaction_count = (select percentile_disc(0.5) within group (order by interaction_count)
                                      from relationship_stats where workspace_id = ${ws.id} and user_id = ${member.id})
        order by md5(c.id::text) limit 1`,
  );
  if (!heavy || !typical) throw new Error("no relationships to pick a heavy and a typical contact from");
  const [size] = await queryRows<{ contacts: number; interactions: number; relationships: number; promises: number; notes: number; asks30: number }>(
    db,
    sql`select (select count(*)::int from contacts where workspace_id = ${ws.id}) as contacts,
               (select count(*)::int from interactions where workspace_id = ${ws.id}) as interactions,
               (select count(*)::int from relationship_stats where workspace_id = ${ws.id}) as relationships,
               (select count(*)::int from promises where workspace_id = ${ws.id} and status = 'open') as promises,
               (select count(*)::int from notes where workspace_id = ${ws.id}) as notes,
               (select count(*)::int from interactions where workspace_id = ${ws.id} and kind = 'ask' and occurred_at > now() - interval '30 days') as asks30`,
  );
  log(
    `${database === "postgres" ? "PostgreSQL" : "PGlite"}; workspace ${values.workspace}: ${size?.contacts} contacts, ${size?.interactions} interactions ` +
      `in ${size?.relationships} relationships, ${size?.promises} open promises, ${size?.notes} notes, ${size?.asks30} asks in the last 30 days`,
  );
  log(`as ${member.email} (${member.role}): ${member.interactions} interactions in ${member.relationships} relationships`);
  log(`heavy contact ${heavy.name}: ${heavy.mine} of the member's interactions, ${heavy.all} in all, ${heavy.notes} notes, ${heavy.promises} open promises`);
  log(`typical contact ${typical.name}: ${typical.mine} of the member's, ${typical.all} in all, ${typical.notes} notes, ${typical.promises} open promises`);

  // The cursor of page N of the balance sort (following nextCursor, as the UI does).
  let cursor: string | undefined;
  let page = 1;
  for (; page < deepPage; page++) {
    const next: string | null = (await listContacts(db, scope, query({ sort: "balance", ...(cursor ? { cursor } : {}) }))).nextCursor;
    if (!next) break;
    cursor = next;
  }

  const list = (q: ContactListQuery) => async (d: Db) => {
    const r = await listContacts(d, scope, q);
    if (r.items.length > 0) {
      const ids = r.items.map((i) => i.id);
      const [inside] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from contacts where workspace_id = ${ws.id} and id in ${ids}`);
      if (inside?.n !== ids.length) throw new Error(`${ids.length - (inside?.n ?? 0)} contacts from another workspace came back`);
    }
    return `${r.items.length}${r.nextCursor ? "+" : ""}`;
  };
  // The contact page's data, as the page fetches it (one `now` for all, all at once).
  const contactPage = (id: string) => async (d: Db) => {
    const now = new Date();
    const [contact, notes, rel, history, top, timeline, open, team, collisions] = await Promise.all([
      getContact(d, ws.id, id),
      listNotesForContact(d, scope, id),
      getRelationship(d, scope, id, now),
      balanceHistory(d, scope, id, now),
      topContributions(d, scope, id, now),
      listInteractionsForContact(d, scope, id),
      listOpenPromises(d, scope, id),
      getTeamView(d, ws.id, id, now),
      listAskCollisions(d, ws.id, now, id),
    ]);
    if (!contact || !rel || history.length !== 12) throw new Error(`contact page of ${id}: missing data`);
    return `${timeline.length} timeline, ${notes.length} notes, ${top.length} top, ${open.length} promises, ${team.members.length} members, ${collisions.length} coll.`;
  };
  const parts = (id: string, label: string): Case[] => {
    const now = new Date();
    const part = (name: string, f: (d: Db) => Promise<unknown>): Case => ({
      name: `  ${label}: ${name}`,
      group: "part",
      call: async (d) => {
        const r = await f(d);
        return Array.isArray(r) ? String(r.length) : r ? "1" : "0";
      },
    });
    return [
      part("getContact", (d) => getContact(d, ws.id, id)),
      part("listNotesForContact", (d) => listNotesForContact(d, scope, id)),
      part("getRelationship", (d) => getRelationship(d, scope, id, now)),
      part("balanceHistory", (d) => balanceHistory(d, scope, id, now)),
      part("topContributions", (d) => topContributions(d, scope, id, now)),
      part("listInteractionsForContact", (d) => listInteractionsForContact(d, scope, id)),
      part("listOpenPromises", (d) => listOpenPromises(d, scope, id)),
      part("getTeamView", (d) => getTeamView(d, ws.id, id, now)),
      part("listAskCollisions(contact)", (d) => listAskCollisions(d, ws.id, now, id)),
    ];
  };
  let logged = 0;
  const logOne = async (d: Db) => {
    const [direction, kind] = LOG_KINDS[logged++ % LOG_KINDS.length] ?? ["mutual", "call"];
    const input: InteractionInput = {
      contactId: heavy.id, direction, kind, weight: KINDS[kind].weight, occurredAt: todayUtc(),
      summary: `Bench: ${KINDS[kind].label.toLowerCase()}`, details: null,
    };
    const row = await logInteraction(d, scope, input);
    if (!row) throw new Error("logInteraction returned nothing");
    return "1";
  };

  const allCases: Case[] = [
    { name: "select 1 (round-trip floor)", group: "floor", call: async (d) => String((await queryRows(d, sql`select 1 as ok`)).length) },
    { name: "list: by balance, first page", group: "balance", call: list(query({ sort: "balance" })) },
    { name: `list: by balance, page ${page}`, group: "balance", call: list(query({ sort: "balance", ...(cursor ? { cursor } : {}) })) },
    { name: "list: state = owing", group: "list", call: list(query({ state: "owing" })) },
    { name: "list: going cold", group: "list", call: list(query({ cold: "1" })) },
    { name: "list: by strength", group: "list", call: list(query({ sort: "strength" })) },
    { name: "list: by last contact", group: "list", call: list(query({ sort: "last" })) },
    { name: `contact page: heavy (${heavy.mine}/${heavy.all} interactions)`, group: "page", call: contactPage(heavy.id) },
    ...(values["no-parts"] ? [] : parts(heavy.id, "heavy")),
    { name: `contact page: typical (${typical.mine}/${typical.all} interactions)`, group: "page", call: contactPage(typical.id) },
    ...(values["no-parts"] ? [] : parts(typical.id, "typical")),
    { name: `logInteraction: heavy relationship`, group: "log", call: logOne },
    { name: "listAskCollisions: workspace", group: "list", call: async (d) => String((await listAskCollisions(d, ws.id)).length) },
  ];
  const cases = allCases.filter((c) => !values.only || c.group === "floor" || c.name.includes(values.only));

  const [load1] = os.loadavg();
  if ((load1 ?? 0) > os.cpus().length) log(`warning: load average ${load1?.toFixed(1)} on ${os.cpus().length} cores — other work will skew the figures`);
  const capture = capturingDb(db, database);
  const results: Row[] = [];
  for (const c of cases) {
    log(`${c.name.trim()}: ${warmup} warm-up, ${runs} timed`);
    for (let i = 0; i < warmup; i++) await c.call(db);
    const times: number[] = [];
    let result = "";
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      result = await c.call(db);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const budget = c.group === "floor" || c.group === "part" ? null : BUDGET[c.group];
    const p95 = percentile(times, 95);
    const row: Row = {
      name: c.name, group: c.group, budgetP95: budget, result,
      p50: round(percentile(times, 50)), p95: round(p95), p99: round(percentile(times, 99)),
      mean: round(times.reduce((a, b) => a + b, 0) / times.length), min: round(times[0] ?? Number.NaN), max: round(times.at(-1) ?? Number.NaN),
      verdict: budget === null ? "-" : p95 <= budget ? "PASS" : "OVER",
    };
    if (c.group !== "floor" && c.group !== "part" && (explainMode === "all" || (explainMode === "over" && row.verdict === "OVER"))) {
      capture.take();
      await c.call(capture.db);
      // The isolation check of list cases runs on `db`, not `capture.db`: only the case's own SQL is here.
      row.statements = await explainStatements(db, capture.take());
    }
    results.push(row);
  }

  const table = [
    ["case", "result", "p50 ms", "p95 ms", "p99 ms", "budget p95", "verdict"],
    ...results.map((r) => [
      r.name, r.group === "floor" ? "-" : r.result, r.p50.toFixed(2), r.p95.toFixed(2), r.p99.toFixed(2),
      r.budgetP95 === null ? "-" : `${r.budgetP95} ms`, r.verdict,
    ]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => (i === 0 || i === 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 || i === 1 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  console.log(
    `\nMutual ledger bench on ${database === "postgres" ? "PostgreSQL" : "PGlite"}: ${size?.contacts} contacts, ${size?.interactions} interactions, ` +
      `${os.cpus().length} cores, ${runs} runs after ${warmup} warm-up, as ${member.email} (${member.role}, ${member.interactions} interactions)\n`,
  );
  console.log([line(table[0]!), rule, ...table.slice(1).map(line)].join("\n"));
  console.log(
    "\nresult: list rows on the page (+: a next page); the contact page's sizes; indented rows time one of the page's queries alone (no budget)." +
      "\nBudgets are for PostgreSQL on 2 cores.",
  );
  for (const r of results.filter((x) => x.statements)) {
    console.log(`\n=== ${r.name.trim()}: ${r.verdict}, p95 ${r.p95} ms — ${r.statements?.length} statement(s) ===`);
    for (const s of r.statements ?? []) console.log(`\n${s.sql}\n-- params: ${JSON.stringify(s.params)}\n${s.plan}`);
  }

  const indexes = await queryRows<{ indexdef: string }>(
    db,
    sql`select indexdef from pg_indexes where schemaname = 'public'
        and tablename in ('contacts', 'interactions', 'relationship_stats', 'promises', 'notes') order by tablename, indexname`,
  );
  let commit = "unknown";
  try {
    commit = execFileSync("git", ["describe", "--always", "--dirty"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    /* not a git checkout */
  }
  const [dbName] = await queryRows<{ name: string }>(db, sql`select current_database() as name`);
  const when = new Date().toISOString();
  const outDir = path.join(root, "bench", "results");
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `ledger-${database}-${when.replace(/[:.]/g, "-")}.json`);
  const report = {
    when, commit, database, databaseName: dbName?.name ?? null, runs, warmup, percentiles: "nearest-rank over every timed call, ms",
    budgetsP95Ms: BUDGET, scope: { workspace: values.workspace, user: member.email, role: member.role },
    dataset: { ...size, members, heavy, typical, loggedDuringRun: logged },
    machine: {
      cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown", node: process.version, platform: `${os.platform()} ${os.release()}`,
      pool: database === "postgres" ? Number(process.env.DATABASE_POOL_SIZE ?? 10) : 1,
      loadAverage: { atStart: round(load1 ?? 0), atEnd: round(os.loadavg()[0] ?? 0) },
    },
    indexes: indexes.map((i) => i.indexdef),
    cases: results,
  };
  fs.writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
  console.log(`\nwritten: ${path.relative(root, file)}`);
  const over = results.filter((r) => r.verdict === "OVER");
  if (over.length > 0) log(`${over.length} over budget: ${over.map((r) => r.name.trim()).join("; ")}`);
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
