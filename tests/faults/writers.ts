/**
 * Concurrent writers logging interactions over HTTP with ids they choose. A writer retries
 * the same id until it gets a success answer (that is what the id is for: a write whose
 * answer was lost lands once), then moves on to a new one.
 */
import { randomUUID } from "node:crypto";

export type Attempt = {
  writer: number;
  id: string;
  summary: string;
  start: number;
  end: number;
  /** HTTP status, or 0 when no answer came (connection refused, reset, timed out). */
  status: number;
  retryAfter: string | null;
  body: string;
};

export type WriterOptions = {
  base: string;
  slug: string;
  cookie: string;
  contactIds: string[];
  writers: number;
  durationMs: number;
  /** After the duration, a writer still retrying its last id keeps at it this long. */
  drainMs: number;
  /** Days back from today the entries are dated over (spreads the per-day rollup rows). */
  days: number;
  /** A request unanswered this long counts as "no answer" (the app hung). */
  timeoutMs: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

export async function runWriters(o: WriterOptions, onAttempt?: (a: Attempt) => void): Promise<Attempt[]> {
  const attempts: Attempt[] = [];
  const url = `${o.base}/api/w/${o.slug}/interactions`;
  const origin = new URL(o.base).origin;
  const stopAt = Date.now() + o.durationMs;
  const giveUpAt = stopAt + o.drainMs;

  const writer = async (w: number) => {
    let seq = 0;
    while (Date.now() < stopAt) {
      const id = randomUUID();
      const summary = `faults w${w} #${seq++}`;
      // Yesterday at the latest: "today" in the member's zone is never in the future.
      const body = JSON.stringify({
        id,
        contactId: o.contactIds[(w + seq) % o.contactIds.length],
        direction: seq % 3 === 0 ? "received" : "gave",
        kind: seq % 3 === 0 ? "referral" : "advice",
        weight: 1 + (seq % 5),
        date: isoDaysAgo(1 + ((w + seq) % o.days)),
        summary,
      });
      for (;;) {
        const start = Date.now();
        let status = 0;
        let text = "";
        let retryAfter: string | null = null;
        try {
          const res = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json", cookie: o.cookie, origin },
            body,
            signal: AbortSignal.timeout(o.timeoutMs),
          });
          status = res.status;
          retryAfter = res.headers.get("retry-after");
          text = await res.text();
        } catch (err) {
          text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
        }
        const a: Attempt = { writer: w, id, summary, start, end: Date.now(), status, retryAfter, body: text };
        attempts.push(a);
        onAttempt?.(a);
        if (status === 200 || status === 201) break;
        if (Date.now() > giveUpAt) break;
        // A jittered pause shorter than Retry-After (1 s), so recovery is seen to the 100 ms.
        await sleep(100 + Math.random() * 300);
      }
    }
  };
  await Promise.all(Array.from({ length: o.writers }, (_, w) => writer(w)));
  return attempts;
}
