/**
 * Vitest global setup. On PostgreSQL (DATABASE_URL set) the schema is migrated once
 * here; on the embedded default each worker migrates its own in-memory PGlite
 * (see setup-db.ts). Tests never mock the database.
 */
export default async function globalSetup() {
  if (!process.env.DATABASE_URL) return;
  const { runMigrations } = await import("@/db/migrate");
  await runMigrations();
}
