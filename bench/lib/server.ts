/**
 * `next start` of a production build for the benches: a free port on 127.0.0.1, its own
 * process group (so stopping it ends everything it forked), the last lines of its output kept
 * for error reports, and a wait until GET /api/health answers 200.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "..", "..");

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer().once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === "object" ? resolve(addr.port) : reject(new Error("no port"))));
    });
  });
}

/** The dist folder (NEXT_DIST_DIR, default .next), or a clear error when it holds no build. */
export function buildDir(): { distDir: string; buildId: string } {
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const idFile = path.join(root, distDir, "BUILD_ID");
  if (!fs.existsSync(idFile)) throw new Error(`no production build in ${distDir}: run \`NEXT_DIST_DIR=${distDir} npm run build\` first`);
  return { distDir, buildId: fs.readFileSync(idFile, "utf8").trim() };
}

export type NextServer = {
  base: string;
  /** The `next start` process (its group leader: what it forked shares the group). */
  pid: number | undefined;
  /** The last lines the server printed (stdout and stderr). */
  tail: (lines?: number) => string;
  stop: () => Promise<void>;
};

const running = new Set<NextServer>();

/** Stops every server this process started (for signal handlers and `finally`). */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop()));
}

export type EnvVars = Record<string, string | undefined>;

/**
 * Starts `next start` with `env` added to this process's environment (NODE_ENV=production,
 * PORT set here); `env` may be a function of the server's address (for APP_URL).
 */
export async function startNextServer(opts: { distDir: string; env: EnvVars | ((base: string) => EnvVars); healthTimeoutMs?: number; port?: number }): Promise<NextServer> {
  const port = opts.port ?? (await freePort());
  const base = `http://127.0.0.1:${port}`;
  const extra = typeof opts.env === "function" ? opts.env(base) : opts.env;
  // A key set to undefined in opts.env is removed (e.g. APP_URL: the server then answers on its own address).
  const merged: EnvVars = { ...process.env, ...extra, PORT: String(port), NEXT_DIST_DIR: opts.distDir };
  const env: NodeJS.ProcessEnv = { ...Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)), NODE_ENV: "production" };
  const child: ChildProcess = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root, env, detached: true, stdio: ["ignore", "pipe", "pipe"],
  });
  const log: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8").on("data", (chunk: string) => {
      log.push(...chunk.split("\n").filter(Boolean));
      log.splice(0, Math.max(0, log.length - 200));
    });
  }
  const server: NextServer = {
    base,
    pid: child.pid,
    tail: (lines = 40) => log.slice(-lines).join("\n"),
    stop: async () => {
      running.delete(server);
      if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
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
    },
  };
  running.add(server);
  try {
    await waitHealthy(base, child, opts.healthTimeoutMs ?? 120_000);
  } catch (err) {
    const output = server.tail();
    await server.stop();
    throw new Error(`${err instanceof Error ? err.message : String(err)}${output ? `\n--- last server output ---\n${output}` : ""}`);
  }
  return server;
}

async function waitHealthy(base: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error("next start exited before it was healthy");
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`GET /api/health did not answer 200 within ${timeoutMs / 1000} s`);
}

/**
 * Runs a bench's `main` (its exit code) so that every server it started is stopped however it
 * ends: normally, by an exception (reported through `log`) or by Ctrl-C / SIGTERM.
 */
export async function runBench(main: () => Promise<number>, log: (msg: string) => void): Promise<void> {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => void stopAllServers().finally(() => process.exit(130)));
  }
  try {
    process.exitCode = await main();
  } catch (err) {
    log(`failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  } finally {
    await stopAllServers();
  }
}
