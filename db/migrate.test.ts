import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { closeDb, getDb, queryRows } from "./client";
import { runMigrations } from "./migrate";
import { createAccount } from "./queries/users";
import { uniqueEmail } from "@/lib/testing/factories";

// Several app instances may start at once against one database: migrations must queue,
// not collide. Both runs below start from an EMPTY database, so there is real work to race on:
// on PostgreSQL a fresh database beside the suite's, on PGlite a fresh in-memory instance.
const suiteUrl = process.env.DATABASE_URL;
let cleanUp = async () => {};

beforeAll(async () => {
  if (!suiteUrl) {
    await closeDb(); // the worker's migrated instance; the next getDb() opens an empty one
    return;
  }
  const name = `mutual_t_migrate_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const admin = postgres(suiteUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(suiteUrl);
  url.pathname = `/${name}`;
  // lib/env.ts has not read the environment yet in this process (the setup hook skips it on PostgreSQL).
  process.env.DATABASE_URL = url.toString();
  cleanUp = async () => {
    await closeDb();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  };
});

afterAll(() => cleanUp());

async function publicTables(): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    await getDb(),
    sql`select table_name as name from information_schema.tables where table_schema = 'public' order by 1`,
  );
  return rows.map((r) => r.name);
}

async function appliedMigrations(): Promise<number> {
  const [row] = await queryRows<{ n: number }>(await getDb(), sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
  return row?.n ?? -1;
}

describe("runMigrations", () => {
  const journal = JSON.parse(fs.readFileSync(path.join("db/migrations/meta/_journal.json"), "utf8")) as {
    entries: unknown[];
  };

  it("starts from an empty database", async () => {
    expect(env().DATABASE_URL).toBe(process.env.DATABASE_URL);
    if (suiteUrl) expect(env().DATABASE_URL).not.toBe(suiteUrl);
    expect(await publicTables()).toEqual([]);
  });

  it("lets two concurrent runs both succeed, applying each migration once", async () => {
    const results = await Promise.allSettled([runMigrations(), runMigrations()]);
    expect(results).toEqual([
      { status: "fulfilled", value: undefined },
      { status: "fulfilled", value: undefined },
    ]);

    expect(await publicTables()).toEqual(
      expect.arrayContaining(["accounts", "auth_tokens", "memberships", "rate_limits", "users", "workspaces"]),
    );
    expect(await appliedMigrations()).toBe(journal.entries.length);
  });

  it("leaves a usable schema, and a later run changes nothing", async () => {
    const account = await createAccount(await getDb(), {
      name: "Migrated User",
      email: uniqueEmail("migrated"),
      passwordHash: null,
      timeZone: "UTC",
    });
    expect(account?.user.name).toBe("Migrated User");

    await runMigrations();
    expect(await appliedMigrations()).toBe(journal.entries.length);
  });
});
