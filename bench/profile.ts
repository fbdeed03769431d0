/**
 * Where a route's time goes beyond its SQL (issue #9): starts `next start` of the production
 * build with a CPU-profiler hook (bench/lib/cpu-profile-hook.mjs), signs in as the busiest seed
 * member, and per route sends warm-up requests, then profiles N sequential requests (no
 * compression asked, like the suite's autocannon). Prints each route's CPU per request and its
 * self time by category (bench/lib/cpu-profile.ts); keeps the .cpuprofile files (open them in
 * Chrome DevTools or speedscope). Entries logged by the POST route are deleted after.
 */
import { randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { and, eq, inArray } from "drizzle-orm";
import { closeDb, getHandle } from "@/db/client";
import { deleteInteraction } from "@/db/queries/ledger";
import { interactions } from "@/db/schema";
import { todayIn } from "@/lib/dates";
import { categorise, grouped, type CpuProfile } from "./lib/cpu-profile";
import { loadLine } from "./lib/machine";
import { buildDir, root, runBench, startNextServer } from "./lib/server";
import { SEED_PASSWORD, heaviestContact, logTarget, pickMember } from "./lib/seed-data";
import { signIn } from "./lib/sign-in";
import { markdownTable } from "./lib/table";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "300" },
    warmup: { type: "string", default: "30" },
    only: { type: "string" },
    workspace: { type: "string", default: "seed-large" },
    out: { type: "string" },
    functions: { type: "string", default: "0" },
    port: { type: "string" },
  },
});
const log = (msg: string) => console.error(`[profile] ${msg}`);
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<number> {
  if (!process.env.DATABASE_URL) throw new Error("set DATABASE_URL to the seeded PostgreSQL (npm run seed:large)");
  const { distDir } = buildDir();
  const outDir = values.out ?? fs.mkdtempSync(path.join(os.tmpdir(), "mutual-profile-"));
  fs.mkdirSync(outDir, { recursive: true });
  const requests = Number(values.requests);
  log(`load average ${loadLine()} (${os.cpus().length} cores); profiles in ${outDir}`);

  const { db } = await getHandle();
  const slug = values.workspace;
  const { workspace, member } = await pickMember(db, slug);
  const heavy = await heaviestContact(db, workspace.id, member.id);
  const target = await logTarget(db, workspace.id, member.id);
  const logged: string[] = [];

  const server = await startNextServer({
    distDir, port: values.port ? Number(values.port) : undefined,
    env: {
      AUTH_SECRET: randomBytes(33).toString("base64url"), DIGEST_SCHEDULER: "off", SMTP_URL: "", APP_URL: undefined,
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), "mutual-profile-data-")),
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ${path.join(root, "bench", "lib", "cpu-profile-hook.mjs")}`.trim(),
      MUTUAL_CPU_PROFILE_DIR: outDir,
    },
  });
  const cookie = await signIn(server.base, member.email, SEED_PASSWORD);
  const pid = server.pid!;
  // Sets the profiler going or stops it, and waits for the hook's file saying it did.
  const toggle = async (marker: string): Promise<string> => {
    const file = path.join(outDir, `${pid}.${marker}`);
    fs.rmSync(file, { force: true });
    process.kill(pid, "SIGUSR2");
    for (let i = 0; i < 600 && !fs.existsSync(file); i++) await wait(50);
    return fs.readFileSync(file, "utf8");
  };

  // The floors go without the session cookie, as in the suite.
  type Req = { path: string; anonymous?: boolean; method?: string; body?: () => string };
  const routes: [string, Req][] = [
    ["/api/health", { path: "/api/health", anonymous: true }],
    ["/sign-in", { path: "/sign-in", anonymous: true }],
    ["contact list: first page", { path: `/w/${slug}/contacts` }],
    ["contact list: filtered", { path: `/w/${slug}/contacts?state=owing` }],
    ["contact list: tag", { path: `/w/${slug}/contacts?tag=founder` }],
    ["search: common", { path: `/api/w/${slug}/contacts?q=engineer` }],
    ["contact page", { path: `/w/${slug}/contacts/${heavy.id}` }],
    ["log an interaction", {
      path: `/api/w/${slug}/interactions`, method: "POST",
      body: () => {
        const id = randomUUID();
        logged.push(id);
        return JSON.stringify({ id, contactId: target.id, direction: "mutual", kind: "call", weight: 2, date: todayIn(member.timeZone), summary: "Profile: call (npm run bench:profile, deleted after)" });
      },
    }],
  ];
  const send = async (r: Req) => {
    const res = await fetch(server.base + r.path, {
      method: r.method ?? "GET", body: r.body?.(),
      headers: { ...(r.anonymous ? {} : { cookie }), "accept-encoding": "identity", ...(r.body ? { "content-type": "application/json" } : {}) },
    });
    await res.arrayBuffer();
    if (res.status > 299) throw new Error(`${r.method ?? "GET"} ${r.path} answered ${res.status}`);
  };

  const rows: string[][] = [];
  const fns: string[] = [];
  try {
    for (const [name, r] of routes) {
      if (values.only && !name.includes(values.only)) continue;
      for (let i = 0; i < Number(values.warmup); i++) await send(r);
      await toggle("started");
      const started = performance.now();
      for (let i = 0; i < requests; i++) await send(r);
      const wallMs = performance.now() - started;
      const file = await toggle("done");
      const kept = path.join(outDir, `${name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}.cpuprofile`);
      fs.renameSync(file, kept);
      const { categories, functions } = categorise(JSON.parse(fs.readFileSync(kept, "utf8")) as CpuProfile);
      const groups = grouped(categories);
      const busy = [...groups.values()].reduce((a, b) => a + b, 0);
      rows.push([name, (wallMs / requests).toFixed(1), (busy / 1000 / requests).toFixed(1), ...[...groups.values()].map((us) => `${Math.round((us / busy) * 100)}%`)]);
      log(`${name}: ${requests} requests, ${(wallMs / requests).toFixed(1)} ms each, ${(busy / 1000 / requests).toFixed(1)} ms CPU each`);
      const top = [...functions].filter(([k]) => !k.startsWith("idle")).sort((a, b) => b[1] - a[1]).slice(0, Number(values.functions));
      if (top.length) fns.push(`\n${name}:`, ...top.map(([k, us]) => `  ${((us / busy) * 100).toFixed(1).padStart(5)}%  ${k}`));
    }
  } finally {
    await server.stop();
    if (logged.length) {
      const [last, ...rest] = logged;
      for (let i = 0; i < rest.length; i += 1000) {
        await db.delete(interactions).where(and(eq(interactions.workspaceId, workspace.id), eq(interactions.userId, member.id), eq(interactions.contactId, target.id), inArray(interactions.id, rest.slice(i, i + 1000))));
      }
      await deleteInteraction(db, { workspaceId: workspace.id, userId: member.id }, last!); // rewrites the relationship's stats
      log(`deleted the ${logged.length} entries logged on ${target.name}`);
    }
    await closeDb();
  }
  const header = ["route", "ms/request (wall)", "CPU ms/request", ...grouped(new Map()).keys()];
  console.log(markdownTable([header, ...rows]));
  if (fns.length) console.log(fns.join("\n"));
  log(`load average ${loadLine()}; profiles kept in ${outDir}`);
  return 0;
}

void runBench(main, log);
