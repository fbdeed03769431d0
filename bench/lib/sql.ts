/**
 * The SQL a piece of app code sends, captured and replayed without the app around it.
 *
 * `capturingDb` is a second drizzle instance over the app's own client (the postgres.js pool
 * or the PGlite instance), seen through a proxy that records every statement the driver is
 * asked to run — the exact text and parameters — and which transaction it ran in (the data
 * layer runs tenant queries in inTenant's transactions: BEGIN, the row-level-security binding,
 * the query, COMMIT). `sqlFloor` runs such statements again straight through the same driver
 * (`sql.unsafe(text, params)` / `begin()` on postgres.js, `query()` / `transaction()` on
 * PGlite) — no drizzle, no React, no HTTP — which is what a route would cost if the database
 * were all it did.
 */
import { performance } from "node:perf_hooks";
import { sql, type SQL } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import type { Sql, TransactionSql } from "postgres";
import { queryRows, type Db } from "@/db/client";
import * as schema from "@/db/schema";
import { summarize, type Summary } from "./stats";

/** A statement as the driver got it; `tx` numbers the transaction it ran in (savepoints count as their transaction), null outside one. */
export type Statement = { sql: string; params: unknown[]; tx?: number | null };
export type DriverKind = "postgres" | "pglite";

function clientOf(db: Db): unknown {
  return (db as unknown as { $client?: unknown }).$client;
}

type AnyFn = (...args: unknown[]) => unknown;

/**
 * `client` seen through a proxy that records each statement into `seen`: postgres.js's
 * unsafe/begin/savepoint or PGlite's query/transaction (the calls drizzle's sessions make).
 */
function recording<T extends object>(client: T, kind: DriverKind, seen: Statement[], nextTx: () => number, tx: number | null = null): T {
  const run = kind === "postgres" ? "unsafe" : "query";
  const open = kind === "postgres" ? "begin" : "transaction";
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      const fn = value as AnyFn;
      if (prop === run) {
        return (text: string, params?: unknown[], ...rest: unknown[]) => {
          seen.push({ sql: text, params: params ?? [], tx });
          return fn.call(target, text, params, ...rest);
        };
      }
      if (prop === open || (kind === "postgres" && prop === "savepoint")) {
        // The callback comes last (postgres.js also takes an options string or savepoint name first).
        return (...args: unknown[]) => {
          const body = args.pop() as (inner: object) => unknown;
          const id = prop === "savepoint" ? tx : nextTx();
          return fn.call(target, ...args, (inner: object) => body(recording(inner, kind, seen, nextTx, id)));
        };
      }
      return fn.bind(target);
    },
  });
}

/** A drizzle instance over `db`'s own client that records every statement sent; `take()` returns and clears them. */
export function capturingDb(db: Db, kind: DriverKind): { db: Db; take: () => Statement[] } {
  const seen: Statement[] = [];
  let txs = 0;
  const client = clientOf(db);
  let wrapped: Db;
  if (kind === "pglite" && client instanceof PGlite) {
    wrapped = drizzlePglite({ client: recording(client, kind, seen, () => ++txs), schema, casing: "snake_case" }) as unknown as Db;
  } else if (kind === "postgres" && typeof client === "function") {
    wrapped = drizzlePostgres({ client: recording(client as Sql, kind, seen, () => ++txs), schema, casing: "snake_case" }) as unknown as Db;
  } else {
    throw new Error("cannot reach the database client behind getDb() to capture SQL");
  }
  return {
    db: wrapped,
    take: () => {
      const out = seen.splice(0);
      return out;
    },
  };
}

/** Rebuilds a logged statement ($1…$n) as a drizzle SQL object, so either driver binds the same values. */
export function rebuild(text: string, params: readonly unknown[]): SQL {
  return sql.join(text.split(/\$(\d+)/).map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${params[Number(part) - 1]}`)));
}

class Rollback extends Error {}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of each statement, in order, inside one transaction that is
 * rolled back: statements that write are measured, then undone.
 */
export async function explainStatements(db: Db, statements: readonly Statement[]): Promise<(Statement & { plan: string })[]> {
  const out: (Statement & { plan: string })[] = [];
  try {
    await db.transaction(async (tx) => {
      for (const s of statements) {
        const rows = await queryRows<Record<string, unknown>>(tx, sql.join([sql.raw("explain (analyze, buffers) "), rebuild(s.sql, s.params)]));
        out.push({ ...s, plan: rows.map((r) => String(Object.values(r)[0])).join("\n") });
      }
      throw new Rollback();
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }
  return out;
}

/**
 * One step of a route's database work. What a phase sends is replayed side by side when
 * `parallel` (the route sends it with Promise.all, each on its own pool connection), else one
 * after another; a transaction is replayed as one (BEGIN, its statements in order, COMMIT).
 * `rewrite` is called once per replay and gives the mapping of every statement's parameters
 * for that replay (e.g. the same fresh client-chosen id wherever the captured one stood).
 */
export type Phase = {
  name: string;
  run: (db: Db) => Promise<unknown>;
  parallel?: boolean;
  rewrite?: () => (params: unknown[]) => unknown[];
};

export type CapturedPhase = Omit<Phase, "run"> & { statements: Statement[] };

/** Runs each phase once through a capturing instance and keeps what it sent. */
export async function capturePhases(db: Db, kind: DriverKind, phases: readonly Phase[]): Promise<CapturedPhase[]> {
  const capture = capturingDb(db, kind);
  const out: CapturedPhase[] = [];
  for (const { run, ...rest } of phases) {
    capture.take();
    await run(capture.db);
    out.push({ ...rest, statements: capture.take() });
  }
  return out;
}

type Exec = (text: string, params: unknown[]) => Promise<unknown>;

function executor(db: Db, kind: DriverKind): { exec: Exec; inTransaction: (f: (exec: Exec) => Promise<void>) => Promise<void> } {
  const client = clientOf(db);
  if (kind === "postgres" && typeof client === "function") {
    const pg = client as Sql;
    const run = (s: Sql | TransactionSql): Exec => (text, params) => s.unsafe(text, params as never[]);
    return { exec: run(pg), inTransaction: async (f) => void (await pg.begin((tx) => f(run(tx)))) };
  }
  if (kind === "pglite" && client instanceof PGlite) {
    const run = (s: PGlite | Transaction): Exec => (text, params) => s.query(text, params);
    return { exec: run(client), inTransaction: async (f) => void (await client.transaction((tx) => f(run(tx)))) };
  }
  throw new Error("cannot reach the database client behind getDb() to replay SQL");
}

/** A phase's statements as units of replay: each transaction whole, each statement outside one alone; in order of first use. */
export function replayUnits(statements: readonly Statement[]): { tx: boolean; statements: Statement[] }[] {
  const units: { tx: boolean; statements: Statement[] }[] = [];
  const byTx = new Map<number, Statement[]>();
  for (const s of statements) {
    if (s.tx == null) {
      units.push({ tx: false, statements: [s] });
      continue;
    }
    let list = byTx.get(s.tx);
    if (!list) {
      list = [];
      byTx.set(s.tx, list);
      units.push({ tx: true, statements: list });
    }
    list.push(s);
  }
  return units;
}

/** Replays captured phases once, as the route would send them; resolves when the last statement answered. */
export async function replayOnce(db: Db, kind: DriverKind, phases: readonly CapturedPhase[]): Promise<void> {
  const { exec, inTransaction } = executor(db, kind);
  for (const phase of phases) {
    const map = phase.rewrite?.();
    const params = (s: Statement) => (map ? map(s.params) : s.params);
    const sendUnit = async (unit: { tx: boolean; statements: Statement[] }) => {
      const send = async (run: Exec) => {
        for (const s of unit.statements) await run(s.sql, params(s));
      };
      if (unit.tx) await inTransaction(send);
      else await send(exec);
    };
    const units = replayUnits(phase.statements);
    if (phase.parallel) await Promise.all(units.map(sendUnit));
    else for (const unit of units) await sendUnit(unit);
  }
}

/** The raw SQL floor: `runs` timed replays (after `warmup` untimed), one at a time. */
export async function sqlFloor(db: Db, kind: DriverKind, phases: readonly CapturedPhase[], runs: number, warmup: number): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await replayOnce(db, kind, phases);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await replayOnce(db, kind, phases);
    times.push(performance.now() - t);
  }
  return summarize(times);
}
