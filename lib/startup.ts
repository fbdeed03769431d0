import { getAuthSecret } from "@/lib/auth-secret";
import { env, isHosted } from "@/lib/env";
import { getHandle, lockDownToTenantRole } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { describeLogin } from "@/db/tenant";
import { startDigestScheduler } from "@/lib/digest/scheduler";

export async function startServer(): Promise<void> {
  try {
    const e = env();
    getAuthSecret();
    await runMigrations();
    // Every query from here on starts as the tenant role: outside inTenant()/asSystem() it sees nothing.
    await lockDownToTenantRole();
    await checkDatabaseLogin();
    startDigestScheduler();
    console.info(`[mutual] ready: ${e.DATABASE_URL ? "PostgreSQL" : `embedded PGlite in ${e.dataDir}`}, ${e.appUrl}`);
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    // A server that cannot reach a sane state must not answer requests as if it could.
    process.exit(1);
  }
}

/**
 * With DATABASE_OWNER_URL, DATABASE_URL must log in as a role that owns nothing and cannot get
 * past row-level security: otherwise refuse to start. Without it (the login owns the tables),
 * a hosted server says once what that leaves open.
 */
async function checkDatabaseLogin(): Promise<void> {
  const e = env();
  if (!e.DATABASE_URL) return;
  const report = await describeLogin((await getHandle()).db);
  if (e.DATABASE_OWNER_URL) {
    const problems = [
      report.superuser && "is a superuser",
      report.bypassRls && "has BYPASSRLS",
      report.owns > 0 && `owns ${report.owns} object(s) in this database`,
      report.canBecomeOwner && "is a member of the tables' owner",
    ].filter(Boolean);
    if (problems.length > 0) {
      throw new Error(
        `Mutual cannot start: DATABASE_URL logs in as "${report.login}", which ${problems.join(", ")}. ` +
          "With DATABASE_OWNER_URL set, DATABASE_URL must be a login that owns nothing and is only a member of mutual_app (README, Deploying).",
      );
    }
  } else if (isHosted()) {
    console.warn(
      `[mutual] DATABASE_URL logs in as "${report.login}", the tables' owner: row-level security stops a query that forgets its ` +
        "workspace, not SQL run as that login. Set DATABASE_OWNER_URL to the owner and DATABASE_URL to a login in mutual_app (README, Deploying).",
    );
  }
}
