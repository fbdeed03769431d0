/**
 * HTTP benchmark of a production build: `npm run build && npm run bench [-- --duration 5]`.
 * Starts `next start` on a free port (fresh PGlite DATA_DIR, or PostgreSQL when DATABASE_URL
 * is set), then per route: a warm-up, one connection (latency) and 8 connections (req/s).
 * Percentiles are exact, from every request's own time; see bench/README.md.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";

const ROUTES = ["/", "/sign-in", "/api/health"] as const;
const FLOOR = "/api/health";
const CONNECTIONS = 8;
const root = path.resolve(import.meta.dirname, "..");

const { values } = parseArgs({
  options: { duration: { type: "string", default: "5" }, warmup: { type: "string", default: "2" } },
});
const duration = Number(values.duration);
const warmup = Number(values.warmup);
if (!Number.isInteger(duration) || duration < 1 || !Number.isInteger(warmup) || warmup < 1) {
  console.error("--duration and --warmup take whole seconds (≥ 1), e.g. --duration 5");
  process.exit(1);
}
if (!fs.existsSync(path.join(root, ".next", "BUILD_ID"))) {
  console.error("No production build found (.next/BUILD_ID is missing). Run `npm run build` first.");
  process.exit(1);
}

interface RouteFigures {
  route: string;
  rendering: "static" | "dynamic";
  requests1: number;
  p50: number;
  p95: number;
  p99: number;
  reqPerSec8: number;
  p95At8: number;
  failures: number;
}

const log = (msg: string) => console.error(`[bench] ${msg}`);
const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** Nearest-rank percentile of ascending samples. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

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
async function load(url: string, connections: number, seconds: number) {
  const times: number[] = [];
  const run = autocannon({ url, connections, duration: seconds, timeout: 30 });
  run.on("response", (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) times.push(ms);
  });
  const result = await run;
  times.sort((a, b) => a - b);
  return { times, result, failures: result.errors + result.non2xx };
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

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-bench-"));
const removeDataDir = () => fs.rmSync(dataDir, { recursive: true, force: true });

async function main(): Promise<number> {
  const usePostgres = Boolean(process.env.DATABASE_URL);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir };
  delete env.APP_URL;
  if (usePostgres) env.AUTH_SECRET = randomBytes(33).toString("base64url");
  else delete env.DATABASE_URL; // an empty DATABASE_URL= would otherwise reach the app

  const buildId = fs.readFileSync(path.join(root, ".next", "BUILD_ID"), "utf8").trim();
  const [load1] = os.loadavg();
  if ((load1 ?? 0) > os.cpus().length) log(`warning: load average ${load1?.toFixed(1)} on ${os.cpus().length} cores — other work will skew the figures`);
  try {
    log(`next start on ${base}, ${usePostgres ? "PostgreSQL (DATABASE_URL)" : `PGlite in ${dataDir}`}`);
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
    await waitHealthy(base, child);
    log(`healthy after ${((Date.now() - started) / 1000).toFixed(1)} s`);

    const figures: RouteFigures[] = [];
    for (const route of ROUTES) {
      const url = base + route;
      const probe = await fetch(url, { redirect: "manual" });
      await probe.arrayBuffer();
      if (probe.status !== 200) throw new Error(`GET ${route} answered ${probe.status}, not 200`);
      const prerendered = probe.headers.get("x-nextjs-prerender") === "1" || probe.headers.get("x-nextjs-cache") === "HIT";
      const rendering = prerendered ? "static" : "dynamic";
      log(`${route}: warm-up ${warmup} s, then ${duration} s at 1 and at ${CONNECTIONS} connections`);
      const warm = await load(url, CONNECTIONS, warmup);
      const one = await load(url, 1, duration);
      const eight = await load(url, CONNECTIONS, duration);
      figures.push({
        route, rendering, requests1: one.times.length,
        p50: round(percentile(one.times, 50)), p95: round(percentile(one.times, 95)), p99: round(percentile(one.times, 99)),
        reqPerSec8: round(eight.result.requests.total / eight.result.duration, 1),
        p95At8: round(percentile(eight.times, 95)),
        failures: warm.failures + one.failures + eight.failures,
      });
    }

    const floor = figures.find((f) => f.route === FLOOR)?.p95 ?? Number.NaN;
    const rows = figures.map((f) => ({ ...f, ratio: round(f.p95 / floor) }));
    const table = [
      ["route", "p50 ms", "p95 ms", "p99 ms", `req/s @${CONNECTIONS}`, `p95 ÷ ${FLOOR} p95`],
      ...rows.map((r) => [r.route, r.p50.toFixed(2), r.p95.toFixed(2), r.p99.toFixed(2), r.reqPerSec8.toFixed(0), `${r.ratio.toFixed(2)}×`]),
    ];
    const widths = table[0]!.map((_, i) => Math.max(...table.map((row) => row[i]!.length)));
    const line = (row: string[]) => `| ${row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" | ")} |`;
    console.log(`\nMutual HTTP bench: ${usePostgres ? "PostgreSQL" : "PGlite"}, ${os.cpus().length} cores, ${duration} s per run, p50–p99 at 1 connection\n`);
    const rule = `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`;
    console.log([line(table[0]!), rule, ...table.slice(1).map(line)].join("\n"));

    const when = new Date().toISOString();
    const outDir = path.join(root, "bench", "results");
    fs.mkdirSync(outDir, { recursive: true });
    const file = path.join(outDir, `http-${when.replace(/[:.]/g, "-")}.json`);
    const report = {
      when, database: usePostgres ? "postgresql" : "pglite", durationSeconds: duration, warmupSeconds: warmup,
      connections: { latency: 1, throughput: CONNECTIONS }, percentiles: "nearest-rank over every 2xx request, ms",
      machine: {
        cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? "unknown", node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        loadAverage: { atStart: round(load1 ?? 0), atEnd: round(os.loadavg()[0] ?? 0) },
      },
      buildId, routes: rows,
    };
    fs.writeFileSync(file, JSON.stringify(report, null, 2) + "\n");
    console.log(`\nwritten: ${path.relative(root, file)}`);

    const failed = rows.filter((r) => r.failures > 0);
    for (const r of failed) console.error(`[bench] ${r.route}: ${r.failures} failed requests (errors or non-2xx) — figures are suspect`);
    return failed.length > 0 ? 1 : 0;
  } catch (err) {
    console.error(`[bench] failed: ${err instanceof Error ? err.message : String(err)}`);
    if (serverLog.length > 0) console.error(`--- last server output ---\n${serverLog.slice(-40).join("\n")}`);
    return 1;
  } finally {
    await stopServer();
    removeDataDir();
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => void stopServer().finally(() => (removeDataDir(), process.exit(130))));
}
process.exitCode = await main();
