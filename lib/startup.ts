import { getAuthSecret } from "@/lib/auth-secret";
import { env } from "@/lib/env";
import { lockDownToTenantRole } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { startDigestScheduler } from "@/lib/digest/scheduler";

export async function startServer(): Promise<void> {
  try {
    const e = env();
    getAuthSecret();
    await runMigrations();
    // Every query from here on starts as the tenant role: outside inTenant()/asSystem() it sees nothing.
    await lockDownToTenantRole();
    startDigestScheduler();
    console.info(`[mutual] ready: ${e.DATABASE_URL ? "PostgreSQL" : `embedded PGlite in ${e.dataDir}`}, ${e.appUrl}`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    // A server that cannot reach a sane state must not answer requests as if it could.
    process.exit(1);
  }
}
