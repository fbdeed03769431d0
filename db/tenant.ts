import "server-only";
import { sql } from "drizzle-orm";
import { ownerOf, queryRows, TENANT_ROLE, type Db, type Tx } from "./client";

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
 * Runs `fn` as the tables' owner, for the few jobs that work across workspaces by design:
 * claiming digests, deleting an account or a workspace, one's personal export, finding and
 * accepting an invitation, and the search's candidate ids (db/queries/contacts.ts says why).
 * When the app logs in as a role of its own (DATABASE_OWNER_URL, db/client.ts) that is a
 * transaction on the owner's pool: the app's login cannot get there by itself. Otherwise the
 * login is the owner, and the transaction switches back to it from the tenant role, which the
 * server's connections start as (lockDownToTenantRole) and where such queries see nothing.
 */
export async function asSystem<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const owner = ownerOf(db);
  if (owner) return owner.transaction(fn);
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', 'none', true)`);
    return fn(tx);
  });
}

export type LoginReport = { login: string; superuser: boolean; bypassRls: boolean; owns: number; canBecomeOwner: boolean };

/**
 * What the connection's login (not its current role) may do: whether it is a superuser, may
 * bypass row-level security, owns anything in this database (tables, schemas, functions, the
 * database itself) or may become the tables' owner. The server refuses to start on an app login
 * that may (lib/startup.ts).
 */
export async function describeLogin(db: Db): Promise<LoginReport> {
  const [row] = await queryRows<LoginReport>(
    db,
    sql`select r.rolname as login, r.rolsuper as superuser, r.rolbypassrls as "bypassRls",
      (select count(*)::int from pg_class c where c.relowner = r.oid)
        + (select count(*)::int from pg_namespace n where n.nspowner = r.oid)
        + (select count(*)::int from pg_proc p where p.proowner = r.oid)
        + (select count(*)::int from pg_database d where d.datdba = r.oid and d.datname = current_database()) as owns,
      pg_has_role(r.oid, (select relowner from pg_class where oid = 'public.contacts'::regclass), 'MEMBER') as "canBecomeOwner"
    from pg_roles r where r.rolname = session_user`,
  );
  if (!row) throw new Error("describeLogin: the session's login has no pg_roles row");
  return row;
}
