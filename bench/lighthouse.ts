/**
 * Lighthouse on the production build: `npm run bench:lighthouse [-- --preset both|mobile|desktop]`.
 *
 * Starts `next start` (NEXT_DIST_DIR, default .next) against the seeded database (DATABASE_URL,
 * or `--scale small`: a temporary PGlite folder seeded here), signs in as the seed member with
 * the most interactions, and runs Lighthouse's performance and accessibility categories with
 * Debian's Chromium (headless) on the landing page, the dashboard and the contact page of the
 * member's biggest relationship — the signed-in pages with the session cookie sent as an extra
 * header. Prints the scores and the main metrics; exits 1 when a score is under --min (95).
 * Writes bench/results/lighthouse-<timestamp>.json (scores, metrics, failing audits).
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig, type Flags, type Result } from "lighthouse";
import { closeDb, getHandle } from "@/db/client";
import { commit, load1, loadLine, machine, warnIfBusy } from "./lib/machine";
import { buildDir, root, runBench, startNextServer, type EnvVars, type NextServer } from "./lib/server";
import { SEED_PASSWORD, heaviestContact, pickMember, seedSmallPglite } from "./lib/seed-data";
import { signIn } from "./lib/sign-in";
import { markdownTable } from "./lib/table";

const USAGE = `Usage: npm run bench:lighthouse [-- options]
  --preset P        both (default), mobile (Lighthouse's default: a mid-range phone, simulated slow 4G) or desktop
  --min N           the lowest score that passes, per category (default 95)
  --scale small     no DATABASE_URL: seed a temporary PGlite folder and use that
  --workspace SLUG  seeded workspace (default seed-large)
  --chrome PATH     the browser (default /usr/bin/chromium)
  --full            also write each page's whole Lighthouse report (bootup-time, long-tasks, LCP element …)
Environment: DATABASE_URL (the seeded PostgreSQL), NEXT_DIST_DIR (default .next).`;

const { values } = parseArgs({
  options: {
    preset: { type: "string", default: "both" },
    min: { type: "string", default: "95" },
    scale: { type: "string" },
    workspace: { type: "string", default: "seed-large" },
    chrome: { type: "string", default: "/usr/bin/chromium" },
    full: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const presetsAsked = values.preset === "both" ? (["mobile", "desktop"] as const) : values.preset === "mobile" || values.preset === "desktop" ? [values.preset] : null;
const min = Number(values.min);
const small = values.scale === "small";
if (!presetsAsked || !(min >= 0 && min <= 100) || (values.scale !== undefined && !small) || small === Boolean(process.env.DATABASE_URL)) {
  console.error(`${USAGE}\n(one of DATABASE_URL or --scale small)`);
  process.exit(1);
}

const presets = presetsAsked ?? [];
const log = (msg: string) => console.error(`[lighthouse] ${msg}`);
const CATEGORIES = ["performance", "accessibility"] as const;
/** The metrics printed beside the scores (Lighthouse audit ids). */
const METRICS = { "first-contentful-paint": "FCP", "largest-contentful-paint": "LCP", "total-blocking-time": "TBT", "cumulative-layout-shift": "CLS", "speed-index": "SI" } as const;

type PageResult = {
  page: string;
  path: string;
  preset: string;
  scores: Record<string, number | null>;
  metrics: Record<string, string>;
  failing: { category: string; id: string; title: string; score: number | null }[];
  version: string;
};

function summarise(page: string, pagePath: string, preset: string, lhr: Result): PageResult {
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round((lhr.categories[c]?.score ?? 0) * 100)]));
  const metrics = Object.fromEntries(Object.entries(METRICS).map(([id, label]) => [label, lhr.audits[id]?.displayValue ?? "-"]));
  const failing = CATEGORIES.flatMap((c) =>
    (lhr.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => lhr.audits[ref.id])
      .filter((a): a is NonNullable<typeof a> => Boolean(a) && a!.score !== null && a!.score < 0.9)
      .map((a) => ({ category: c, id: a.id, title: a.title, score: a.score })),
  );
  if (lhr.runtimeError) log(`${page} (${preset}): ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  return { page, path: pagePath, preset, scores, metrics, failing, version: lhr.lighthouseVersion };
}

async function main(): Promise<number> {
  const { distDir, buildId } = buildDir();
  const loadAtStart = load1();
  log(`load average at start ${loadLine()}`);
  warnIfBusy(log);
  const dataDir = small ? seedSmallPglite(log) : undefined;
  let server: NextServer | undefined;
  let chrome: chromeLauncher.LaunchedChrome | undefined;
  try {
    const handle = await getHandle();
    const { workspace, member } = await pickMember(handle.db, values.workspace);
    const contact = await heaviestContact(handle.db, workspace.id, member.id);
    await closeDb(); // PGlite is one process's: the server opens the folder next

    const env: EnvVars = {
      AUTH_SECRET: randomBytes(33).toString("base64url"), DIGEST_SCHEDULER: "off", SMTP_URL: "", APP_URL: undefined,
      DATA_DIR: dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "mutual-lighthouse-data-")),
    };
    server = await startNextServer({ distDir, env });
    const cookie = await signIn(server.base, member.email, SEED_PASSWORD);
    const pages = [
      { page: "landing", path: "/", signedIn: false },
      { page: "dashboard", path: `/w/${values.workspace}`, signedIn: true },
      { page: "contact page", path: `/w/${values.workspace}/contacts/${contact.id}`, signedIn: true },
    ];
    // Warm each page once (first renders compile and fill caches) so Lighthouse measures the steady state.
    for (const p of pages) {
      const res = await fetch(server.base + p.path, { headers: p.signedIn ? { cookie } : {}, redirect: "manual" });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${p.path} answered ${res.status}`);
    }

    chrome = await chromeLauncher.launch({
      chromePath: values.chrome,
      chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    const results: PageResult[] = [];
    const reports: { name: string; lhr: Result }[] = [];
    for (const preset of presets) {
      for (const p of pages) {
        log(`${p.page} (${preset}): ${p.path}`);
        const flags: Flags = {
          port: chrome.port, output: "json", logLevel: "error", onlyCategories: [...CATEGORIES],
          ...(p.signedIn ? { extraHeaders: { Cookie: cookie } } : {}),
        };
        const runner = await lighthouse(server.base + p.path, flags, preset === "desktop" ? desktopConfig : undefined);
        if (!runner) throw new Error(`Lighthouse gave no result for ${p.path}`);
        const finalUrl = new URL(runner.lhr.finalDisplayedUrl);
        if (finalUrl.pathname !== p.path) throw new Error(`${p.path} ended at ${finalUrl.pathname}: not signed in?`);
        results.push(summarise(p.page, p.path, preset, runner.lhr));
        if (values.full) reports.push({ name: `${p.page.replace(/\W+/g, "-")}-${preset}`, lhr: runner.lhr });
      }
    }

    const loadAtEnd = load1();
    console.log(`\nLighthouse ${results[0]?.version ?? "?"}, Chromium headless, next start (${distDir}), ${small ? "PGlite --scale small" : "PostgreSQL"}, as ${member.email}; load average ${loadAtStart.toFixed(2)} → ${loadAtEnd.toFixed(2)}\n`);
    console.log(
      markdownTable(
        [
          ["page", "preset", "performance", "accessibility", ...Object.values(METRICS), "verdict"],
          ...results.map((r) => [
            r.page, r.preset, String(r.scores.performance ?? "-"), String(r.scores.accessibility ?? "-"), ...Object.values(METRICS).map((m) => r.metrics[m] ?? "-"),
            CATEGORIES.every((c) => (r.scores[c] ?? 0) >= min) ? "PASS" : "MISS",
          ]),
        ],
        2,
      ),
    );
    for (const r of results.filter((x) => x.failing.length > 0)) {
      console.log(`\n${r.page} (${r.preset}) — audits under 0.9: ${r.failing.map((f) => `${f.id} (${f.category}, ${f.score})`).join(", ")}`);
    }
    const when = new Date().toISOString();
    const outDir = path.join(root, "bench", "results");
    fs.mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `lighthouse-${when.replace(/[:.]/g, "-")}.json`);
    fs.writeFileSync(
      file,
      JSON.stringify({ when, commit: commit(), buildId, distDir, min, machine: { ...machine(), loadAverage: { atStart: loadAtStart, atEnd: loadAtEnd } }, results }, null, 2) + "\n",
    );
    console.log(`\nwritten: ${path.relative(root, file)}`);
    for (const r of reports) {
      const full = file.replace(/\.json$/, `.${r.name}.lhr.json`);
      fs.writeFileSync(full, JSON.stringify(r.lhr) + "\n");
      console.log(`written: ${path.relative(root, full)}`);
    }
    const under = results.filter((r) => CATEGORIES.some((c) => (r.scores[c] ?? 0) < min));
    if (under.length) log(`under ${min}: ${under.map((r) => `${r.page} (${r.preset})`).join("; ")}`);
    return under.length > 0 ? 1 : 0;
  } finally {
    if (chrome) await chrome.kill();
    await server?.stop();
    await closeDb();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await runBench(main, log);
