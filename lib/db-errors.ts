import { AsyncLocalStorage } from "node:async_hooks";

/**
 * "Is the database briefly out of reach?" — answered in one place, so server actions, route
 * handlers and the session check all tell a restart or failover apart from a bug: the first
 * gets a calm "try again in a moment" (HTTP 503 with Retry-After), the second the generic
 * error and a log entry with its context.
 */

export const DB_UNAVAILABLE_MESSAGE = "We couldn't save that just now — please try again in a moment.";
/** Seconds a client should wait before trying again (the Retry-After of a 503). */
export const DB_RETRY_AFTER_SECONDS = 1;

// Socket-level failures (Node) and postgres.js's own connection errors.
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

// SQLSTATEs of a server that is restarting, failing over or full, never of a bad query:
// 57P01 admin_shutdown (also an immediate shutdown), 57P02 crash_shutdown, 57P03
// cannot_connect_now (starting up, in recovery, shutting down), 53300 too_many_connections;
// and the whole class 08, connection exceptions.
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);

function isTransientOne(err: object): boolean {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== "string") return false;
  return CONNECTION_CODES.has(code) || SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code);
}

/**
 * True when `err` — or what it wraps (Drizzle wraps driver errors in `cause`; Node's
 * happy-eyeballs connect throws an AggregateError) — says the database could not be reached
 * or went away mid-query: retrying later can succeed, and nothing about the request was wrong.
 */
export function isTransientDbError(err: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length > 0 && seen.size < 20) {
    const e = queue.shift();
    if (!e || typeof e !== "object" || seen.has(e)) continue;
    seen.add(e);
    if (isTransientOne(e)) return true;
    queue.push((e as { cause?: unknown }).cause);
    if (e instanceof AggregateError) queue.push(...e.errors);
  }
  return false;
}

/** Logs one short line (no stack, no SQL) for a transient failure and returns the user's message. */
export function dbUnavailable(where: string, err: unknown): string {
  console.warn(`[${where}] database unavailable: ${describe(err)}`);
  return DB_UNAVAILABLE_MESSAGE;
}

function describe(err: unknown): string {
  for (let e: unknown = err, i = 0; e && typeof e === "object" && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    if (isTransientOne(e)) return `${(e as { code: string }).code}${e instanceof Error && e.message ? ` ${e.message.slice(0, 120)}` : ""}`;
  }
  return err instanceof Error ? err.name : String(err).slice(0, 120);
}

/** The JSON answer of a route handler whose database was out of reach. */
export function dbUnavailableResponse(where: string, err: unknown): Response {
  return Response.json(
    { error: dbUnavailable(where, err) },
    { status: 503, headers: { "Retry-After": String(DB_RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
  );
}

// Auth.js catches whatever its callbacks throw and answers "no session": during a database
// restart every signed-in user would look signed out (a 404 from a route, a redirect to
// sign-in from a page). The session check runs inside `surfacingDbFailures`, the callback
// notes a transient failure with `noteDbFailure`, and it is rethrown once Auth.js returns.
const probe = new AsyncLocalStorage<{ error?: unknown }>();

/** Runs `fn` and rethrows a transient database failure that something inside it swallowed. */
export async function surfacingDbFailures<T>(fn: () => Promise<T>): Promise<T> {
  const seen: { error?: unknown } = {};
  const value = await probe.run(seen, fn);
  if (seen.error) throw seen.error;
  return value;
}

/** For a `.catch()`: notes a transient database failure for `surfacingDbFailures`, then rethrows. */
export function noteDbFailure(err: unknown): never {
  const store = probe.getStore();
  if (store && store.error === undefined && isTransientDbError(err)) store.error = err;
  throw err;
}
