/** What a bench result was measured on: cores, load, versions, the commit. */
import { execFileSync } from "node:child_process";
import os from "node:os";
import { root } from "./server";

export const load1 = (): number => Number((os.loadavg()[0] ?? 0).toFixed(2));

export function loadLine(): string {
  return os.loadavg().map((x) => x.toFixed(2)).join(" / ");
}

export function machine() {
  return {
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? "unknown",
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

export function commit(): string {
  try {
    return execFileSync("git", ["describe", "--always", "--dirty"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}

/** Warns (on stderr) when other work is likely to skew the figures. */
export function warnIfBusy(log: (msg: string) => void): void {
  const l = load1();
  if (l > os.cpus().length) log(`warning: load average ${l.toFixed(1)} on ${os.cpus().length} cores — other work will skew the figures`);
}
