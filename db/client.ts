import "server-only";
import fs from "node:fs";
import path from "node:path";
import { sql, type SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import postgres from "postgres";
import lockfile from "proper-lockfile";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { env } from "@/lib/env";
import * as schema from "./schema";

/** The one database type the app codes against: PGlite and postgres.js share the query builder. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

type Handle = { db: Db; kind: "postgres" | "pglite"; close: () => Promise<void>; lockDown: () => Promise<void> };

/**
 * The role tenant data is read and written as: owns nothing and cannot bypass row-level
 * security (migration 0009). See db/tenant.ts.
 */
export const TENANT_ROLE = "mutual_app";

// One handle per process, kept on globalThis so dev reloads and test files reuse it
// (PGlite takes seconds to open; two openers of one folder corrupt it).
const g = globalThis as typeof globalThis & { __mutualDb?: Promise<Handle>; __mutualLocked?: boolean; __mutualOwners?: WeakMap<Db, Db> };

// App pools whose login is not the tables' owner (DATABASE_OWNER_URL set), with the owner's pool
// beside each: where asSystem() (db/tenant.ts) runs its cross-workspace jobs. On globalThis too:
// Next bundles this module more than once (pages, actions, instrumentation), the handle is one.
const owners = (g.__mutualOwners ??= new WeakMap<Db, Db>());

/** The owner's pool behind `db`, when the app logs in as a role of its own; else undefined. */
export function ownerOf(db: Db): Db | undefined {
  return owners.get(db);
}

export function getDb(): Promise<Db> {
  return getHandle().then((h) => h.db);
}

export function getHandle(): Promise<Handle> {
  g.__mutualDb ??= open().catch((err: unknown) => {
    g.__mutualDb = undefined;
    throw err;
  });
  return g.__mutualDb;
}

export async function closeDb(): Promise<void> {
  const h = g.__mutualDb;
  g.__mutualDb = undefined;
  if (h) await (await h).close();
}

/**
 * From now on every connection starts as {@link TENANT_ROLE} with no workspace bound, so a
 * query outside inTenant() or asSystem() (db/tenant.ts) sees no tenant rows at all: fail
 * closed. The server calls this once its migrations have run (they need the owner).
 */
export async function lockDownToTenantRole(): Promise<void> {
  g.__mutualLocked = true;
  await (await getHandle()).lockDown();
}

async function open(): Promise<Handle> {
  const e = env();
  if (e.DATABASE_URL) {
    return openPostgres({
      url: e.DATABASE_URL,
      ownerUrl: e.DATABASE_OWNER_URL,
      poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      locked: g.__mutualLocked === true,
    });
  }
  if (e.inMemory) {
    const client = await PGlite.create({ extensions: { pg_trgm } });
    return pgliteHandle(client, () => client.close());
  }
  const dir = path.join(e.dataDir, "pglite");
  fs.mkdirSync(dir, { recursive: true });
  const release = lockDataDir(e.dataDir);
  const client = await PGlite.create(dir, { extensions: { pg_trgm } });
  return pgliteHandle(client, async () => {
    await client.close();
    release();
  });
}

const OWNER_POOL_SIZE = 3;

/**
 * PostgreSQL through postgres.js. With `ownerUrl` (a login other than `url`'s) the app's pool
 * logs in as a role that owns nothing and only ever acts as {@link TENANT_ROLE}, from its first
 * connection; a small second pool logs in as the owner, for migrations and asSystem(). Without
 * it, `url` is the owner and its connections switch to the tenant role once locked down.
 */
export function openPostgres(opts: { url: string; ownerUrl?: string; poolSize: number; locked?: boolean }): Handle {
  const connect = (url: string, max: number, role?: string) =>
    postgres(url, {
      max,
      onnotice: () => {},
      // JIT compiles a plan for ~0.5 s when row estimates run high: a loss on every short query here.
      // `role` as a startup parameter: each connection begins as the tenant role.
      connection: { application_name: "mutual", jit: "off", ...(role ? { role } : {}) },
    });
  const wrap = (client: postgres.Sql) => drizzlePostgres({ client, schema, casing: "snake_case" }) as unknown as Db;

  if (opts.ownerUrl && opts.ownerUrl !== opts.url) {
    const ownerClient = connect(opts.ownerUrl, OWNER_POOL_SIZE);
    const client = connect(opts.url, opts.poolSize, TENANT_ROLE);
    const db = wrap(client);
    owners.set(db, wrap(ownerClient));
    return {
      db,
      kind: "postgres",
      close: async () => {
        await Promise.all([client.end({ timeout: 5 }), ownerClient.end({ timeout: 5 })]);
      },
      lockDown: async () => {},
    };
  }

  let locked = opts.locked === true;
  let client = connect(opts.url, opts.poolSize, locked ? TENANT_ROLE : undefined);
  const handle: Handle = {
    db: wrap(client),
    kind: "postgres",
    close: () => client.end({ timeout: 5 }),
    lockDown: async () => {
      if (locked) return;
      locked = true;
      // Connections opened before (as the login role) are closed; new ones start locked.
      const before = client;
      client = connect(opts.url, opts.poolSize, TENANT_ROLE);
      handle.db = wrap(client);
      await before.end({ timeout: 5 });
    },
  };
  return handle;
}

/** PGlite is one session: locking down sets its role for the session. */
function pgliteHandle(client: PGlite, close: () => Promise<void>): Handle {
  const lockDown = async () => {
    await client.exec(`set role ${TENANT_ROLE}`);
  };
  return {
    db: drizzlePglite({ client, schema, casing: "snake_case" }) as unknown as Db,
    kind: "pglite",
    close,
    lockDown,
  };
}

/**
 * PGlite is single-process: a second process on the same folder silently loses writes.
 * Hold a lock for as long as we run and refuse a second opener with a clear message.
 */
function lockDataDir(dataDir: string): () => void {
  try {
    return lockfile.lockSync(dataDir, {
      lockfilePath: path.join(dataDir, "pglite.lock"),
      stale: 30_000,
      // PGlite can block the event loop through a long query; a late mtime refresh is not a thief.
      onCompromised: (err) => console.error("[db] the data folder lock was compromised:", err.message),
    });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ELOCKED") {
      throw new Error(
        `The embedded database in ${dataDir} is already in use by another Mutual process ` +
          "(a running server, a seed or a migration). Stop that process first, " +
          "or point DATA_DIR at another folder.",
      );
    }
    throw err;
  }
}

/** Rows of a raw query, whichever driver runs it. */
export async function queryRows<T extends Record<string, unknown>>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}

export async function pingDb(): Promise<void> {
  const db = await getDb();
  await queryRows(db, sql`select 1 as ok`);
}
