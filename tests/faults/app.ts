/**
 * The production build (`next start`) against the throwaway cluster. Uses NEXT_DIST_DIR's
 * build (default `.next`, which `npm test` has built in CI) and builds it first if missing.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", ".bin", "next");

export type App = {
  base: string;
  pid: number;
  /** Lines the server printed (a bounded tail) and tallies of chosen patterns. */
  tail: string[];
  count: (pattern: RegExp) => number;
  exited: () => boolean;
  stop: () => Promise<void>;
};

export async function ensureBuild(log: (line: string) => void): Promise<string> {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  if (fs.existsSync(path.join(root, distDir, "BUILD_ID"))) return distDir;
  log(`no production build in ${distDir}: building it (next build)…`);
  const started = Date.now();
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(nextBin, ["build"], { cwd: root, env: { ...process.env, NEXT_DIST_DIR: distDir }, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("close", (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error(`next build failed (exit ${code})`);
  log(`built ${distDir} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return distDir;
}

export async function startApp(opts: { port: number; databaseUrl: string; ownerUrl?: string; distDir: string }, log: (line: string) => void): Promise<App> {
  const base = `http://127.0.0.1:${opts.port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-faults-app-"));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(opts.port),
    NEXT_DIST_DIR: opts.distDir,
    DATABASE_URL: opts.databaseUrl,
    ...(opts.ownerUrl ? { DATABASE_OWNER_URL: opts.ownerUrl } : {}),
    DATA_DIR: dataDir,
    APP_URL: base,
    AUTH_SECRET: randomBytes(33).toString("base64url"),
    DIGEST_SCHEDULER: "off",
  };
  delete env.SMTP_URL;
  const started = Date.now();
  const child: ChildProcess = spawn(nextBin, ["start", "-p", String(opts.port), "-H", "127.0.0.1"], {
    cwd: root,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const tail: string[] = [];
  const all: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8").on("data", (chunk: string) => {
      const lines = chunk.split("\n").filter(Boolean);
      if (process.env.FAULTS_APP_LOG) fs.appendFileSync(process.env.FAULTS_APP_LOG, lines.map((l) => `${Date.now()} ${l}\n`).join(""));
      all.push(...lines);
      tail.push(...lines);
      tail.splice(0, Math.max(0, tail.length - 60));
    });
  }
  let gone = false;
  child.on("exit", () => (gone = true));

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (gone) throw new Error(`next start exited before it was healthy:\n${tail.join("\n")}`);
    if (Date.now() > deadline) throw new Error(`next start did not answer /api/health within 90 s:\n${tail.join("\n")}`);
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(3_000) });
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`next start (${opts.distDir}) on ${base}, pid ${child.pid}, healthy in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  return {
    base,
    pid: child.pid!,
    tail,
    count: (pattern) => all.filter((l) => pattern.test(l)).length,
    exited: () => gone,
    stop: async () => {
      if (!gone && child.pid) {
        const done = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {
          /* already gone */
        }
        const timer = setTimeout(() => {
          try {
            process.kill(-child.pid!, "SIGKILL");
          } catch {
            /* already gone */
          }
        }, 5_000);
        await done;
        clearTimeout(timer);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

// Signing in as the sign-in form does: the same helper the benchmarks use.
export { signIn } from "../../bench/lib/sign-in";
