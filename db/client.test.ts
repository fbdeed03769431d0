import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";

// Two processes on one PGlite folder lose writes silently, so db/client.ts locks the folder.
// This file opens the folder from child processes, like a server beside a migrate script.
// DATA_DIR is set before the setup hook runs, so this process opens no database of its own.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "mutual-lock-"));
process.env.DATA_DIR = dataDir;
const lockDir = path.join(dataDir, "pglite.lock");
const script = path.resolve("lib/testing/open-data-dir.ts");
const children: ChildProcess[] = [];

function openInChild() {
  // Always the embedded database, even when the suite itself runs on PostgreSQL.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script], {
    env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>(
    (resolve) => child.on("exit", (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, exited };
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

afterAll(() => {
  // SIGKILL: a graceful exit waits for PGlite to finish creating the folder (5–15 s) before
  // releasing the lock, which is slow to test here; the folder is thrown away anyway.
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the embedded database folder lock", () => {
  it("refuses a second process with a clear message while the first holds it", async () => {
    const holder = openInChild();
    await waitFor(() => fs.existsSync(lockDir) || holder.child.exitCode !== null, 15_000, "the first process to lock");
    expect(holder.child.exitCode).toBeNull();

    const second = await openInChild().exited;
    expect(second.code).toBe(1);
    expect(second.stdout).not.toContain("open");
    expect(second.stderr).toContain(`The embedded database in ${dataDir} is already in use by another Mutual process`);
    expect(holder.child.exitCode).toBeNull();
  }, 60_000);
});
