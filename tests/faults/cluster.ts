/**
 * A throwaway PostgreSQL cluster of the faults test's own: initdb into a temp folder, a free
 * port from 55432 up, listening on 127.0.0.1 only, its socket in that folder. The main
 * cluster (5432) is never touched. PostgreSQL refuses to run as root, so when the test runs
 * as root (CI) every server command runs as the `postgres` OS user through runuser.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

export type Cluster = {
  port: number;
  dir: string;
  bin: string;
  /** As `user` (default postgres, the superuser that owns everything). */
  url: (database: string, user?: string) => string;
  /** `pg_ctl restart -m immediate`: no checkpoint, every backend killed, crash recovery on start. */
  restartImmediate: () => Promise<void>;
  /** Stops the cluster and deletes it; with `keepLogAt`, copies its server log there first. */
  stop: (keepLogAt?: string) => Promise<void>;
};

/** PostgreSQL's binaries: PG_BIN, else Debian's 15, else the newest Debian version installed. */
export function findPgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const pick = versions.includes("15") ? "15" : versions[0];
  const bin = pick ? path.join(root, pick, "bin") : "";
  if (!bin || !fs.existsSync(path.join(bin, "initdb"))) {
    throw new Error("No PostgreSQL server binaries found (looked in /usr/lib/postgresql/*/bin). Install postgresql-15 or set PG_BIN.");
  }
  return bin;
}

const isRoot = () => process.getuid?.() === 0;

function run(bin: string, cmd: string, args: string[], timeoutMs = 120_000): Promise<{ code: number; out: string }> {
  const full = path.join(bin, cmd);
  const [file, argv] = isRoot() ? ["runuser", ["-u", "postgres", "--", full, ...args]] : [full, args];
  return new Promise((resolve, reject) => {
    const child = spawn(file, argv, { stdio: ["ignore", "pipe", "pipe"], cwd: os.tmpdir() });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, out });
    });
  });
}

async function must(bin: string, cmd: string, args: string[]): Promise<void> {
  const r = await run(bin, cmd, args);
  if (r.code !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.code}):\n${r.out.trim()}`);
}

/** A TCP port on 127.0.0.1 nobody listens on, from `from` upwards. */
export async function freePort(from: number, to = from + 200): Promise<number> {
  for (let port = from; port < to; port++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = createServer();
      s.once("error", () => resolve(false));
      s.listen(port, "127.0.0.1", () => s.close(() => resolve(true)));
    });
    if (ok) return port;
  }
  throw new Error(`No free port between ${from} and ${to - 1}.`);
}

export async function startCluster(log: (line: string) => void): Promise<Cluster> {
  const bin = findPgBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-faults-pg-"));
  if (isRoot()) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    fs.chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  const logFile = path.join(dir, "server.log");
  const port = await freePort(Number(process.env.FAULTS_PG_PORT ?? 55432));
  const started = Date.now();
  await must(bin, "initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const opts = `-p ${port} -c listen_addresses=127.0.0.1 -k ${dir} -c max_connections=60 -c shared_buffers=64MB`;
  await must(bin, "pg_ctl", ["-D", data, "-l", logFile, "-o", opts, "-w", "-t", "60", "start"]);
  log(`throwaway PostgreSQL (${path.basename(path.dirname(bin))}) on 127.0.0.1:${port}, data in ${data}${isRoot() ? ", run as the postgres user" : ""} — ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  let stopped = false;
  return {
    port,
    dir,
    bin,
    url: (database, user = "postgres") => `postgres://${user}@127.0.0.1:${port}/${database}`,
    restartImmediate: () => must(bin, "pg_ctl", ["-D", data, "-l", logFile, "-m", "immediate", "-w", "-t", "60", "restart"]),
    stop: async (keepLogAt) => {
      if (stopped) return;
      stopped = true;
      await run(bin, "pg_ctl", ["-D", data, "-m", "immediate", "-w", "-t", "30", "stop"]).catch(() => undefined);
      if (keepLogAt) fs.copyFileSync(logFile, keepLogAt);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
