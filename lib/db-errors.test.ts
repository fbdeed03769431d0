import { createServer, type AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { DB_UNAVAILABLE_MESSAGE, dbUnavailableResponse, isTransientDbError, noteDbFailure, surfacingDbFailures } from "./db-errors";

/** A localhost port nobody listens on: taken, then given back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function failureOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error("expected the promise to fail");
}

describe("isTransientDbError", () => {
  it("recognises a database that is not listening, raw from postgres.js and wrapped by Drizzle", async () => {
    const client = postgres(`postgres://postgres@127.0.0.1:${await closedPort()}/none`, { max: 1, connect_timeout: 2, onnotice: () => {} });
    try {
      const raw = await failureOf(client`select 1`);
      expect(isTransientDbError(raw)).toBe(true);
      const wrapped = await failureOf(drizzle({ client }).execute(sql`select 1`));
      expect(wrapped).not.toBe(raw);
      expect(isTransientDbError(wrapped)).toBe(true);
    } finally {
      await client.end({ timeout: 1 });
    }
  });

  it("does not take a bad query or a broken rule for an outage", async () => {
    const db = await getDb();
    expect(isTransientDbError(await failureOf(db.execute(sql`select from nowhere_at_all`)))).toBe(false);
    expect(isTransientDbError(await failureOf(db.execute(sql`select 1/0`)))).toBe(false);
    expect(isTransientDbError(new Error("boom"))).toBe(false);
    expect(isTransientDbError(undefined)).toBe(false);
    expect(isTransientDbError("ECONNREFUSED")).toBe(false);
  });

  it("knows the SQLSTATEs of a restarting, recovering or full server, and only those", () => {
    const withCode = (code: string) => Object.assign(new Error("x"), { code });
    for (const code of ["57P01", "57P02", "57P03", "53300", "08006", "08001", "08P01", "CONNECTION_CLOSED", "ECONNRESET"]) {
      expect(isTransientDbError(withCode(code)), code).toBe(true);
      expect(isTransientDbError(new Error("wrapped", { cause: withCode(code) })), `wrapped ${code}`).toBe(true);
    }
    for (const code of ["23505", "42601", "40001", "22012", "57014", "ENOENT", "08"]) {
      expect(isTransientDbError(withCode(code)), code).toBe(false);
    }
    expect(isTransientDbError(new AggregateError([new Error("a"), withCode("ECONNREFUSED")]))).toBe(true);
  });

  it("survives a cause that points back at itself", () => {
    const a = new Error("a") as Error & { cause?: unknown };
    a.cause = a;
    expect(isTransientDbError(a)).toBe(false);
  });
});

describe("surfacingDbFailures", () => {
  const outage = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
  // Like Auth.js: whatever the callback throws becomes "no session".
  const swallowing = (callback: () => Promise<unknown>) => callback().catch(() => null);

  it("rethrows a transient failure that a callee swallowed", async () => {
    const err = await failureOf(surfacingDbFailures(() => swallowing(() => Promise.reject(outage).catch(noteDbFailure))));
    expect(err).toBe(outage);
  });

  it("leaves other failures swallowed, and values alone", async () => {
    const bug = new Error("a bug");
    await expect(surfacingDbFailures(() => swallowing(() => Promise.reject(bug).catch(noteDbFailure)))).resolves.toBeNull();
    await expect(surfacingDbFailures(async () => 42)).resolves.toBe(42);
  });

  it("keeps concurrent callers apart", async () => {
    const failing = surfacingDbFailures(() => swallowing(() => new Promise((_, reject) => setTimeout(() => reject(outage), 20)).catch(noteDbFailure)));
    const fine = surfacingDbFailures(() => swallowing(() => new Promise((resolve) => setTimeout(() => resolve("ok"), 40))));
    await expect(failing).rejects.toBe(outage);
    await expect(fine).resolves.toBe("ok");
  });

  it("outside a probe, noteDbFailure only rethrows", () => {
    expect(() => noteDbFailure(outage)).toThrow(outage);
  });
});

describe("dbUnavailableResponse", () => {
  it("is a short 503 with Retry-After and no trace of the error", async () => {
    const res = dbUnavailableResponse("test", Object.assign(new Error('Failed query: insert into "interactions" …'), { code: "57P01" }));
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("1");
    expect(await res.json()).toEqual({ error: DB_UNAVAILABLE_MESSAGE });
  });
});
