import { runMigrations } from "@/db/migrate";
import { closeDb } from "@/db/client";
import { env } from "@/lib/env";

try {
  await runMigrations();
  console.info(`[migrate] schema is up to date (${env().DATABASE_URL ? "PostgreSQL" : `PGlite in ${env().dataDir}`})`);
  await closeDb();
} catch (err) {
  console.error("[migrate] failed:", err instanceof Error ? err.message : err);
  process.exit(1);
}
