import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, TENANT_ROLE, type Db, type Tx } from "./client";

export { TENANT_ROLE };

// Transactions opened by inTenant, with the workspace they are bound to.
const bound = new WeakMap<Tx, string>();

const isTransaction = (db: Db | Tx): db is Tx => "rollback" in db;

/**
 * Runs `fn` on one workspace's data behind PostgreSQL's row-level security: in a transaction
 * that sets `app.workspace_id` and switches to {@link TENANT_ROLE}, so every statement in it
 * sees and writes only that workspace's rows — a query that forgets its own workspace filter
 * returns nothing of anyone else's. The data layer's functions on tenant data call this; their
 * WHERE clauses still name the workspace (they are the first line, this is the backstop).
 *
 * Inside a transaction already bound to the same workspace it simply runs `fn` there. Inside
 * any other transaction (a system job working across workspaces) it binds a savepoint and puts
 * the role and setting back afterwards.
 */
export async function inTenant<T>(db: Db | Tx, workspaceId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (isTransaction(db)) {
    const current = bound.get(db);
    if (current === workspaceId) return fn(db);
    if (current !== undefined) throw new Error("inTenant: a transaction bound to one workspace was used for another");
    const [before] = await queryRows<{ role: string; ws: string | null }>(
      db,
      sql`select current_setting('role') as role, current_setting('app.workspace_id', true) as ws`,
    );
    try {
      return await db.transaction((tx) => bindAndRun(tx, workspaceId, fn));
    } finally {
      await db.execute(
        sql`select set_config('role', ${before?.role ?? "none"}, true), set_config('app.workspace_id', ${before?.ws ?? ""}, true)`,
      );
    }
  }
  return db.transaction((tx) => bindAndRun(tx, workspaceId, fn));
}

async function bindAndRun<T>(tx: Tx, workspaceId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  await tx.execute(sql`select set_config('app.workspace_id', ${workspaceId}, true), set_config('role', ${TENANT_ROLE}, true)`);
  bound.set(tx, workspaceId);
  return fn(tx);
}

/**
 * Runs `fn` as the database login (the tables' owner), for the few jobs that work across
 * workspaces by design: claiming digests, deleting an account or a workspace, one's personal
 * export, accepting an invitation. The server's connections otherwise start as the tenant role
 * with no workspace bound (lockDownToTenantRole), where such queries would see nothing.
 */
export async function asSystem<T>(db: Db | Tx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  if (isTransaction(db)) {
    if (bound.has(db)) throw new Error("asSystem: called inside a transaction bound to a workspace");
    await db.execute(sql`select set_config('role', 'none', true)`);
    return fn(db);
  }
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', 'none', true)`);
    return fn(tx);
  });
}
