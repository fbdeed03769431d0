import "server-only";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import { getHandle } from "./client";

const migrationsFolder = path.join(process.cwd(), "db/migrations");
// Any fixed 64-bit number: the advisory lock every instance queues on before migrating.
const MIGRATION_LOCK_KEY = 727_274_101;
const g = globalThis as typeof globalThis & { __mutualPgliteMigrations?: Promise<void> };

/**
 * Brings the schema up to date. On PostgreSQL several instances may start at once:
 * each takes a session advisory lock on a dedicated connection, so one migrates and
 * the others wait, then find nothing left to do.
 */
export async function runMigrations(): Promise<void> {
  const e = env();
  if (e.DATABASE_URL) {
    // As the tables' owner: the app's own login may own nothing (DATABASE_OWNER_URL, db/client.ts).
    const client = postgres(e.DATABASE_OWNER_URL ?? e.DATABASE_URL, { max: 1, onnotice: () => {} });
    try {
      const db = drizzlePostgres({ client });
      await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
      try {
        await migratePostgres(db, { migrationsFolder });
      } finally {
        await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
      }
    } finally {
      await client.end({ timeout: 5 });
    }
    return;
  }
  // PGlite is one process by construction (see the data folder lock), but two callers in that
  // process would race like two instances: queue them, so the later one finds nothing to do.
  const run = (g.__mutualPgliteMigrations ?? Promise.resolve()).then(async () => {
    const { db } = await getHandle();
    await migratePglite(db as unknown as PgliteDatabase<Record<string, unknown>>, { migrationsFolder });
  });
  g.__mutualPgliteMigrations = run.catch(() => {});
  await run;
}
