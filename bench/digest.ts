/**
 * A weekly digest run for a large team, end to end: claim, compute, render, send over SMTP.
 *
 *   DATABASE_URL=postgres://…/mutual_digest_bench npm run bench:digest [-- --members 1000 --scale 1 --reset]
 *
 * Seeds (once, in its own workspace `digest-bench`, kept for later runs) a team of
 * `--members` members over a large dataset — at --scale 1: 50,000 contacts, 2,000,000
 * interactions, 200,000 notes, 5,000 open promises, the relationship_stats they imply and
 * the activity feed (contacts added, notes shared) — all set-based SQL with deterministic
 * hash randomness. Then runs the scheduler's own code path (runDueDigests) at a moment when
 * every member's digest of the last complete week is due, with mail going to a local SMTP
 * server in this process, and prints members/s. Budget (PRODUCT.md §10): 1,000 members in
 * under 60 s on PostgreSQL, 2 cores. A second run checks that nothing is sent twice.
 */
import { parseArgs } from "node:util";
import { performance } from "node:perf_hooks";
import { spawn } from "node:child_process";
import os from "node:os";
import { randomBytes } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { sql } from "drizzle-orm";
import { closeDb, getHandle, queryRows, type Db } from "@/db/client";

const { values: args } = parseArgs({
  options: {
    members: { type: "string", default: "1000" },
    scale: { type: "string", default: "1" },
    reset: { type: "boolean", default: false },
    json: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (args.help) {
  console.log("Usage: DATABASE_URL=… npm run bench:digest [-- --members 1000 --scale 1 --reset --json FILE (the figures, for npm run bench)]");
  process.exit(0);
}
const MEMBERS = Number(args.members);
const SCALE = Number(args.scale);
if (!Number.isInteger(MEMBERS) || MEMBERS < 1 || MEMBERS > 100_000 || !(SCALE > 0 && SCALE <= 1)) {
  console.error("--members must be a whole number (1–100000) and --scale in (0, 1].");
  process.exit(1);
}
const CONTACTS = Math.round(50_000 * SCALE);
const INTERACTIONS = Math.round(2_000_000 * SCALE);
const NOTES = Math.round(200_000 * SCALE);
const PROMISES = Math.round(5_000 * SCALE);
const RELATIONSHIPS = Math.round(75_000 * SCALE);
const BUDGET_S = 60;
const SLUG = "digest-bench";
const ZONES = ["America/New_York", "Europe/Berlin", "Asia/Kolkata", "Pacific/Auckland", "America/Los_Angeles", "UTC"];

// The SMTP server the digests go to runs in a child process of its own, as a real mail
// server would run elsewhere: it counts what it accepts, keeps nothing, and reports the
// count on request.
const SINK = `
  const { SMTPServer } = require("smtp-server");
  let accepted = 0;
  const server = new SMTPServer({ authOptional: true, disabledCommands: ["STARTTLS"], disableReverseLookup: true, logger: false,
    onData(stream, _s, cb) { stream.on("data", () => {}); stream.on("end", () => { accepted++; cb(); }); } });
  server.listen(0, "127.0.0.1", () => process.send({ port: server.server.address().port }));
  process.on("message", (m) => { if (m === "count") process.send({ accepted }); else server.close(() => process.exit(0)); });
`;
const sink = spawn(process.execPath, ["-e", SINK], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
const sinkAsk = <T>(message?: string) =>
  new Promise<T>((resolve) => {
    sink.once("message", (m) => resolve(m as T));
    if (message) sink.send(message);
  });
const { port } = await sinkAsk<{ port: number }>();
const acceptedSoFar = async () => (await sinkAsk<{ accepted: number }>("count")).accepted;
// Pooled connections, as a production SMTP_URL for bulk mail should be (nodemailer: ?pool=true).
process.env.SMTP_URL = `smtp://127.0.0.1:${port}?pool=true&maxConnections=6`;
process.env.APP_URL ??= "https://mutual.example";

// Uniform in [0, 1) from the row number and a per-column seed: the same rows on every run.
const rnd = (n: string, seed: number) => sql.raw(`(((hashint8extended((${n})::bigint, ${seed}) & 9223372036854775807) % 1000003)::float8 / 1000003)`);

const WORDS = ["design", "hiring", "fundraising", "climate", "marketing", "engineering", "sales", "legal", "product", "research", "writing", "mentoring"];

async function seed(db: Db, anchor: Date): Promise<void> {
  const t0 = performance.now();
  let exec: Db = db;
  const step = async (label: string, query: ReturnType<typeof sql>) => {
    const s = performance.now();
    await exec.execute(query);
    console.log(`  ${label}: ${((performance.now() - s) / 1000).toFixed(1)} s`);
  };
  const anchorTs = sql.raw(`'${anchor.toISOString()}'::timestamptz`);
  const words = sql.raw(`array[${WORDS.map((w) => `'${w}'`).join(",")}]`);
  const zones = sql.raw(`array[${ZONES.map((z) => `'${z}'`).join(",")}]`);
  console.log(`Seeding ${SLUG}: ${MEMBERS} members, ${CONTACTS} contacts, ${INTERACTIONS} interactions, ${NOTES} notes …`);
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    exec = t;
    await t.execute(sql`insert into workspaces (slug, name) values (${SLUG}, 'Digest bench')`);
    await t.execute(sql`create temp table bench_members on commit drop as
      select n, gen_random_uuid() as id from generate_series(1, ${MEMBERS}::int) n`);
    await t.execute(sql`insert into users (id, name, email, email_verified, time_zone)
      select id, 'Bench Member ' || n, 'digest-bench-' || n || '@bench.test', ${anchorTs} - interval '400 days', (${zones})[1 + n % ${ZONES.length}]
      from bench_members`);
    await t.execute(sql`insert into memberships (workspace_id, user_id, role)
      select w.id, m.id, case when m.n = 1 then 'owner'::role else 'member'::role end
      from bench_members m, workspaces w where w.slug = ${SLUG}`);
    await t.execute(sql`create temp table bench_contacts on commit drop as select n, gen_random_uuid() as id from generate_series(1, ${CONTACTS}::int) n`);
    await step("contacts", sql`
      insert into contacts (id, workspace_id, created_by, name, needs, offers, cadence_days, search_text, created_at, updated_at)
      select c.id, w.id, m.id, 'Contact ' || c.n,
        case when ${rnd("c.n", 1)} < 0.3 then 'Looking for ' || (${words})[1 + (c.n % 12)] || ' help' end,
        case when ${rnd("c.n", 2)} < 0.3 then 'Offers ' || (${words})[1 + ((c.n * 7) % 12)] || ' advice' end,
        (array[30, 60, 90, 90, 180, 365, null])[1 + (c.n % 7)],
        'contact ' || c.n,
        ${anchorTs} - (${rnd("c.n", 3)} * interval '1095 days'),
        ${anchorTs} - (${rnd("c.n", 3)} * interval '1095 days')
      from bench_contacts c
      join bench_members m on m.n = 1 + (c.n % ${MEMBERS})
      cross join workspaces w where w.slug = ${SLUG}`);
    // Relationships: who knows whom; busier ones (low numbers) get more of the interactions.
    await t.execute(sql`create temp table bench_rel on commit drop as
      select row_number() over () as r, m, c from (
        select distinct 1 + floor(${rnd("g", 4)} * ${MEMBERS})::int as m, 1 + floor(${rnd("g", 5)} * ${CONTACTS})::int as c
        from generate_series(1, ${RELATIONSHIPS}::int) g) x`);
    await t.execute(sql`create index on bench_rel (r)`);
    const [{ rels } = { rels: 0 }] = await queryRows<{ rels: number }>(t, sql`select count(*)::int as rels from bench_rel`);
    const chunk = 250_000;
    for (let from = 1; from <= INTERACTIONS; from += chunk) {
      const to = Math.min(INTERACTIONS, from + chunk - 1);
      await step(`interactions ${from}–${to}`, sql`insert into interactions (workspace_id, contact_id, user_id, direction, kind, weight, occurred_at, summary, created_at)
        select w.id, c.id, m.id, k.direction::interaction_direction, k.kind::interaction_kind, k.weight,
          date_trunc('day', ${anchorTs} - (power(${rnd("g", 7)}, 2) * interval '1095 days')),
          'Bench entry ' || g, ${anchorTs}
        from generate_series(${from}::int, ${to}::int) g
        join bench_rel rel on rel.r = 1 + floor(power(${rnd("g", 6)}, 2) * ${rels})::int
        join bench_members m on m.n = rel.m
        join bench_contacts c on c.n = rel.c
        cross join workspaces w
        cross join lateral (select 1 + floor(${rnd("g", 8)} * 12)::int as k) pick
        cross join lateral (select
          (array['gave','gave','gave','gave','received','received','received','received','mutual','mutual','mutual','mutual'])[pick.k] as direction,
          (array['intro','advice','information','favor','referral','advice','ask','favor','meeting','call','message','event'])[pick.k] as kind,
          (array[3,2,1,3,5,2,1,3,2,2,1,1])[pick.k] as weight) k
        where w.slug = ${SLUG}`);
    }
    await t.execute(sql`analyze interactions`);
    await step("relationship_stats", sql`insert into relationship_stats
        (workspace_id, user_id, contact_id, give_sum, take_sum, mutual_sum, interaction_count, last_at, last_gave_at, ask_streak)
      select i.workspace_id, i.user_id, i.contact_id,
        coalesce(sum(i.weight * i.p) filter (where i.direction = 'gave'), 0),
        coalesce(sum(i.weight * i.p) filter (where i.direction = 'received'), 0),
        coalesce(sum(i.weight * i.p) filter (where i.direction = 'mutual'), 0),
        count(*), max(i.occurred_at), i.last_gave,
        count(*) filter (where i.kind = 'ask' and i.occurred_at > coalesce(i.last_gave, '-infinity'::timestamptz))
      from (
        select workspace_id, user_id, contact_id, direction, kind, weight, occurred_at,
          power(2::float8, (extract(epoch from (occurred_at - '2020-01-01T00:00:00Z'::timestamptz))::float8 / 86400) / 180) as p,
          max(occurred_at) filter (where direction = 'gave') over (partition by workspace_id, user_id, contact_id) as last_gave
        from interactions where workspace_id = (select id from workspaces where slug = ${SLUG})
      ) i
      group by i.workspace_id, i.user_id, i.contact_id, i.last_gave`);
    await step("notes", sql`insert into notes (workspace_id, contact_id, author_id, visibility, body, created_at, updated_at)
      select w.id, c.id, m.id, case when ${rnd("g", 9)} < 0.55 then 'team'::note_visibility else 'private'::note_visibility end,
        'Talked about ' || (${words})[1 + (g % 12)] || ' and ' || (${words})[1 + ((g * 5) % 12)] || '. Follow up in a few weeks.',
        ${anchorTs} - (power(${rnd("g", 10)}, 1.5) * interval '1095 days'), ${anchorTs}
      from generate_series(1, ${NOTES}::int) g
      join bench_contacts c on c.n = 1 + floor(${rnd("g", 11)} * ${CONTACTS})::int
      join bench_members m on m.n = 1 + floor(${rnd("g", 12)} * ${MEMBERS})::int
      cross join workspaces w where w.slug = ${SLUG}`);
    await step("activity: contacts added", sql`insert into activity (workspace_id, actor_id, kind, contact_id, created_at)
      select workspace_id, created_by, 'contact_added', id, created_at from contacts where workspace_id = (select id from workspaces where slug = ${SLUG})`);
    await step("activity: notes shared", sql`insert into activity (workspace_id, actor_id, kind, contact_id, note_id, created_at)
      select workspace_id, author_id, 'note_shared', contact_id, id, created_at from notes
      where visibility = 'team' and workspace_id = (select id from workspaces where slug = ${SLUG})`);
    await step("promises", sql`insert into promises (workspace_id, contact_id, user_id, description, due_on, created_at)
      select w.id, c.id, m.id, 'Introduce them to someone in ' || (${words})[1 + (g % 12)],
        (${anchorTs} at time zone 'UTC')::date + (floor(${rnd("g", 13)} * 90)::int - 45), ${anchorTs} - interval '60 days'
      from generate_series(1, ${PROMISES}::int) g
      join bench_rel rel on rel.r = 1 + floor(${rnd("g", 14)} * ${rels})::int
      join bench_members m on m.n = rel.m
      join bench_contacts c on c.n = rel.c
      cross join workspaces w where w.slug = ${SLUG}`);
  });
  for (const table of ["users", "memberships", "contacts", "interactions", "relationship_stats", "notes", "activity", "promises"]) {
    await db.execute(sql.raw(`vacuum (analyze) ${table}`));
  }
  console.log(`Seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s.\n`);
}

async function main() {
  // As the app's servers run (next start): React's production build, which the scheduler
  // inside them renders with. Production with a database wants a shared AUTH_SECRET; the
  // bench's mails are never opened, so any will do.
  (process.env as Record<string, string>).NODE_ENV = "production";
  process.env.AUTH_SECRET ??= randomBytes(33).toString("base64");
  const handle = await getHandle();
  if (handle.kind !== "postgres") console.warn("Note: no DATABASE_URL — this runs on the embedded PGlite; the budget is for PostgreSQL.\n");
  const { runMigrations } = await import("@/db/migrate");
  await runMigrations();
  const db = handle.db;

  const [existing] = await queryRows<{ id: string; members: number }>(
    db,
    sql`select w.id, (select count(*)::int from memberships m where m.workspace_id = w.id) as members from workspaces w where w.slug = ${SLUG}`,
  );
  if (existing && (args.reset || existing.members !== MEMBERS)) {
    console.log(`Removing the earlier ${SLUG} (${existing.members} members) …`);
    await db.execute(sql`delete from users where email like 'digest-bench-%@bench.test'`);
    await db.execute(sql`delete from workspaces where slug = ${SLUG}`);
  }
  const { lastCompleteWeek, mondayOf } = await import("@/lib/digest/week");
  const anchor = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  if (!existing || args.reset || existing.members !== MEMBERS) await seed(db, anchor);

  const week = lastCompleteWeek(new Date(), "UTC");
  // The Monday after the week, 20:00 UTC: Monday 08:00 has passed in every zone of the team,
  // and the week is still the last complete one everywhere (Auckland is on Tuesday by then).
  const now = new Date(Date.parse(`${mondayOf(week)}T20:00:00Z`) + 7 * 86_400_000);
  await db.execute(sql`delete from digest_deliveries where week = ${week}`);

  const [stats] = await queryRows<Record<string, number>>(
    db,
    sql`select (select count(*) from contacts where workspace_id = w.id)::int as contacts,
          (select count(*) from interactions where workspace_id = w.id)::int as interactions,
          (select count(*) from notes where workspace_id = w.id)::int as notes,
          (select count(*) from relationship_stats where workspace_id = w.id)::int as relationships
        from workspaces w where w.slug = ${SLUG}`,
  );
  console.log(`Workspace ${SLUG}: ${MEMBERS} members, ${JSON.stringify(stats)}`);
  console.log(`Digest run for ${week}, as at ${now.toISOString()}, mail over SMTP to a local server …`);

  const { runDueDigests } = await import("@/lib/digest/delivery");
  // A server's scheduler has its modules loaded after its first tick: load the mail renderer
  // (React's server renderer is imported on first use) before the clock starts.
  const { renderDigestEmail } = await import("@/lib/digest/email");
  const { assembleDigest } = await import("@/lib/digest/content");
  const zero = { week: { count: 0, weight: 0 }, previous: { count: 0, weight: 0 } };
  await renderDigestEmail({
    content: assembleDigest(week, mondayOf(week), {
      numbers: { gave: zero, received: zero, mutual: zero },
      relationships: { giveBack: [], owing: 0, goingCold: [], cold: 0 },
      promises: { items: [], total: 0 },
      introIdeas: [],
      team: { notes: [], noteCount: 0, contacts: [], contactCount: 0, imports: [], joined: [] },
      giveStreak: 1,
    }),
    recipient: { name: "Warm Up", email: "warm@up.test" },
    workspace: { name: SLUG, personal: false },
    links: { digest: "x", settings: "x", unsubscribe: "x", contact: (id) => id },
  });
  // PostgreSQL's side: the CPU time of this database's backends (a local server: /proc).
  const backendCpu = async () => {
    const pids = await queryRows<{ pid: number }>(db, sql`select pid from pg_stat_activity where datname = current_database() and application_name = 'mutual'`);
    const ticks = new Map<number, number>();
    for (const { pid } of pids) {
      const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (fields.length > 13) ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    }
    return ticks;
  };
  const pg0 = handle.kind === "postgres" ? await backendCpu() : new Map<number, number>();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const report = await runDueDigests(db, { now });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const pg1 = handle.kind === "postgres" ? await backendCpu() : new Map<number, number>();
  const pgSeconds = [...pg1].reduce((sum, [pid, t]) => sum + t - (pg0.get(pid) ?? 0), 0) / 100; // USER_HZ
  const accepted = await acceptedSoFar();
  const handled = report.sent + report.skipped + report.retry + report.failed;
  console.log(`\n| members handled | sent | skipped (empty) | failed | SMTP accepted | seconds | members/s |`);
  console.log(`|--:|--:|--:|--:|--:|--:|--:|`);
  console.log(`| ${handled} | ${report.sent} | ${report.skipped} | ${report.retry + report.failed} | ${accepted} | ${seconds.toFixed(1)} | ${(handled / seconds).toFixed(1)} |`);
  console.log(
    `\nCPU: this process (claims, content, rendering, SMTP client) ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s, ` +
      `PostgreSQL backends ${pgSeconds.toFixed(1)} s${handle.kind === "postgres" ? "" : " (not measured on PGlite)"}. ` +
      `Load average now: ${os.loadavg().map((x) => x.toFixed(1)).join(", ")} (2 cores: above 2, other work shares them).`,
  );
  const verdict = handled >= MEMBERS && seconds < BUDGET_S ? "PASS" : "OVER";
  console.log(`\n${handled} members in ${seconds.toFixed(1)} s — ${(handled / seconds).toFixed(1)} members/s: ${verdict} (budget ${BUDGET_S} s for ${MEMBERS})`);

  const t1 = performance.now();
  const again = await runDueDigests(db, { now: new Date(now.getTime() + 60_000) });
  const acceptedAfter = await acceptedSoFar();
  const sentOnce = again.sent === 0 && acceptedAfter === report.sent;
  console.log(`A second run right after: sent ${again.sent}, ${((performance.now() - t1) / 1000).toFixed(2)} s (exactly once: ${sentOnce ? "yes" : "NO"})`);
  if (args.json) {
    const figures = { members: handled, seconds, membersPerSecond: handled / seconds, sentOnce, verdict, nodeCpuSeconds: (cpu.user + cpu.system) / 1e6, postgresCpuSeconds: pgSeconds };
    await writeFile(args.json, JSON.stringify(figures));
  }
  await closeDb();
  sink.send("stop");
  process.exit(verdict === "PASS" && again.sent === 0 ? 0 : 1);
}

main().catch(async (err: unknown) => {
  console.error(err instanceof Error ? `${err.message}${err.cause ? `\n${String(err.cause)}` : ""}` : err);
  await closeDb().catch(() => {});
  sink.kill();
  process.exit(1);
});
