/**
 * `npm run digest -- --week W`, run as if later: once every claim's lease has run out
 * (`--after lease`, a scheduler that crashed mid-run) or once a failed send's first back-off
 * has passed (`--after backoff`). The run goes through the same code as the command; only its
 * clock is moved ahead (runWeekDigests' `now`), by the production lease and back-off — the
 * faults test does not wait ten minutes, and production keeps its defaults.
 */
import { parseArgs } from "node:util";
import { closeDb, getDb } from "@/db/client";
import { DIGEST_LEASE_MS, retryDelayMs, runWeekDigests } from "@/lib/digest/delivery";

const { values } = parseArgs({ options: { week: { type: "string" }, after: { type: "string" } } });
const week = values.week ?? "";
const aheadMs = values.after === "lease" ? DIGEST_LEASE_MS + 60_000 : values.after === "backoff" ? retryDelayMs(1) + 60_000 : NaN;
if (!week || Number.isNaN(aheadMs)) {
  console.error("Usage: tsx --tsconfig tsconfig.scripts.json tests/faults/digest-later.ts --week 2026-W10 --after lease|backoff");
  process.exit(1);
}

try {
  const report = await runWeekDigests(await getDb(), week, { now: new Date(Date.now() + aheadMs) });
  console.log(JSON.stringify({ aheadMinutes: aheadMs / 60_000, ...report }));
  await closeDb();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  await closeDb().catch(() => undefined);
  process.exit(1);
}
