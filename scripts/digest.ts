/**
 * Sends (or, with --dry-run, only shows) one week's digests by hand:
 *   npm run digest -- --week 2026-W47 [--workspace <slug>] [--dry-run]
 * Every subscribed member whose week has ended gets it, through the same claims as the
 * scheduler: running it twice, or while the app's scheduler runs, sends nothing twice.
 * PostgreSQL when DATABASE_URL is set, else the embedded database in DATA_DIR (stop the
 * app first: only one process may open that).
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { closeDb, getDb, lockDownToTenantRole } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { workspaces } from "@/db/schema";
import { previewWeekDigests, runWeekDigests } from "@/lib/digest/delivery";
import { formatWeekRange, lastCompleteWeek, parseWeek, weekWindow } from "@/lib/digest/week";
import { env } from "@/lib/env";

const USAGE = `Usage: npm run digest -- --week 2026-W47 [--workspace <slug>] [--dry-run]
  --week       the ISO week to send (Monday to Sunday in each member's time zone)
  --workspace  only this workspace's members
  --dry-run    print what each member would get; claim and send nothing`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        week: { type: "string" },
        workspace: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (err) {
    console.error(`${err instanceof Error ? err.message : err}\n${USAGE}`);
    return 1;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const now = new Date();
  const week = args.week ?? "";
  if (!parseWeek(week)) {
    console.error(`--week must be an ISO week like ${lastCompleteWeek(now, "UTC")} (got "${week}").\n${USAGE}`);
    return 1;
  }
  // The earliest zone (UTC+14) is the first to finish a week.
  if (weekWindow(week, "Pacific/Kiritimati").end > now) {
    console.error(`${week} (${formatWeekRange(week)}) has not ended anywhere yet. The latest complete week in UTC is ${lastCompleteWeek(now, "UTC")}.`);
    return 1;
  }

  await runMigrations();
  // As the server: tenant data only through inTenant()/asSystem() (db/tenant.ts).
  await lockDownToTenantRole();
  const db = await getDb();
  let workspaceId: string | undefined;
  if (args.workspace) {
    const [ws] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, args.workspace));
    if (!ws) {
      console.error(`No workspace "${args.workspace}".`);
      return 1;
    }
    workspaceId = ws.id;
  }
  const where = `${week} (${formatWeekRange(week)})${args.workspace ? ` in ${args.workspace}` : ""}`;

  if (args["dry-run"]) {
    const previews = await previewWeekDigests(db, week, { now, workspaceId });
    for (const p of previews) {
      const note = !p.already
        ? ""
        : p.already === "pending" || p.already === "sending"
          ? ` (claimed, ${p.already}: retried when due)`
          : ` (already ${p.already}: a real run leaves it alone)`;
      if ("empty" in p) {
        console.log(`\n=== ${p.to} · ${p.workspace}: nothing to tell, no mail${note}`);
        continue;
      }
      console.log(`\n=== ${p.to} · ${p.workspace}${note}\nSubject: ${p.subject}\n\n${p.text}`);
    }
    const pending = previews.filter((p) => !p.already);
    const mails = pending.filter((p) => !("empty" in p)).length;
    console.log(
      `\nDry run for ${where}: ${mails} digest${mails === 1 ? "" : "s"} would go out, ${pending.length - mails} with nothing to tell, ` +
        `${previews.length - pending.length} handled already. Nothing was sent or claimed.`,
    );
    return 0;
  }

  const r = await runWeekDigests(db, week, { now, workspaceId });
  const via = env().SMTP_URL ? "over SMTP" : `to the outbox in ${env().dataDir}/outbox`;
  console.log(
    `Digests for ${where}: sent ${r.sent} ${via}, skipped ${r.skipped} (nothing to tell, left or unsubscribed), ` +
      `to retry ${r.retry}, given up ${r.failed}. Members who already had this week's digest were left alone.`,
  );
  return r.retry + r.failed > 0 ? 2 : 0;
}

main()
  .then(async (code) => {
    await closeDb();
    process.exit(code);
  })
  .catch(async (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    await closeDb().catch(() => {});
    process.exit(1);
  });
