import "server-only";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";

type Scheduler = { stop: () => void };
const g = globalThis as typeof globalThis & { __mutualDigestScheduler?: Scheduler };

/**
 * Starts the weekly digest's scheduler inside this server process: every
 * DIGEST_SCHEDULER_INTERVAL_SECONDS (60) it sends whatever digests have come due. Safe with
 * any number of instances against one PostgreSQL — each digest is claimed in the database
 * before it is sent (see lib/digest/delivery.ts). DIGEST_SCHEDULER=off leaves it to another
 * instance (or to `npm run digest`). Never runs under Vitest or while Next builds.
 */
export function startDigestScheduler(): Scheduler | null {
  if (process.env.VITEST || process.env.NEXT_PHASE === "phase-production-build") return null;
  const e = env();
  if (e.DIGEST_SCHEDULER === "off") {
    console.info("[digest] scheduler off (DIGEST_SCHEDULER=off)");
    return null;
  }
  if (g.__mutualDigestScheduler) return g.__mutualDigestScheduler;

  let running = false;
  const tick = async () => {
    // A long run (a thousand digests on Monday morning) simply skips the ticks it overlaps.
    if (running) return;
    running = true;
    try {
      // Loaded on first use: mail rendering is not needed to answer requests.
      const { runDueDigests } = await import("./delivery");
      const r = await runDueDigests(await getDb());
      if (r.sent + r.skipped + r.retry + r.failed + r.abandoned > 0) {
        console.info(`[digest] sent ${r.sent}, skipped ${r.skipped}, to retry ${r.retry}, given up ${r.failed + r.abandoned}`);
      }
    } catch (err) {
      console.error("[digest] scheduler run failed:", err instanceof Error ? err.message : err);
    } finally {
      running = false;
    }
  };
  const intervalMs = e.DIGEST_SCHEDULER_INTERVAL_SECONDS * 1000;
  const timer = setInterval(() => void tick(), intervalMs);
  const first = setTimeout(() => void tick(), Math.min(intervalMs, 10_000));
  timer.unref();
  first.unref();
  console.info(`[digest] scheduler on, every ${e.DIGEST_SCHEDULER_INTERVAL_SECONDS} s`);
  g.__mutualDigestScheduler = {
    stop: () => {
      clearInterval(timer);
      clearTimeout(first);
      g.__mutualDigestScheduler = undefined;
    },
  };
  return g.__mutualDigestScheduler;
}
