import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, queryRows, type Db } from "@/db/client";
import { memberships, users, workspaces } from "@/db/schema";
import { makeUser, uniqueEmail } from "@/lib/testing/factories";
import { newToken } from "@/lib/tokens";
import {
  consumeAuthToken,
  createAccount,
  createAuthToken,
  getPasswordHash,
  getSessionUser,
  getUserForSignIn,
  markEmailVerified,
  setPassword,
} from "./users";

let db: Db;
beforeAll(async () => {
  db = await getDb();
});

async function countWhere(table: typeof users | typeof workspaces, name: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table).where(eq(table.name, name));
  return row?.n ?? -1;
}

describe("createAccount", () => {
  it("creates the user, a personal workspace and the owner membership together", async () => {
    const email = uniqueEmail("create");
    const account = await createAccount(db, { name: "Grace Hopper", email, passwordHash: "h", timeZone: "America/New_York" });
    expect(account?.user).toMatchObject({ name: "Grace Hopper", email, emailVerified: false, sessionVersion: 0 });
    expect(account?.user).not.toHaveProperty("passwordHash");

    const rows = await db
      .select({ slug: workspaces.slug, name: workspaces.name, personal: workspaces.personal, role: memberships.role })
      .from(memberships)
      .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
      .where(eq(memberships.userId, account!.user.id));
    expect(rows).toEqual([{ slug: account!.workspaceSlug, name: "Grace's network", personal: true, role: "owner" }]);
  });

  it("stores the e-mail lower-cased", async () => {
    const email = uniqueEmail("MiXeD");
    const account = await createAccount(db, { name: "Ada", email, passwordHash: null, timeZone: "UTC" });
    expect(account?.user.email).toBe(email.toLowerCase());
    expect((await getUserForSignIn(db, email.toUpperCase()))?.id).toBe(account?.user.id);
  });

  it("returns undefined for a taken e-mail in another case, and writes nothing", async () => {
    const email = uniqueEmail("taken");
    await createAccount(db, { name: "First Owner", email, passwordHash: null, timeZone: "UTC" });
    // A distinctive name lets us count what the second attempt wrote, even while other files write too.
    const name = `Second ${randomUUID()}`;
    const usersBefore = await countWhere(users, name);
    const workspacesBefore = await countWhere(workspaces, `Second's network`);

    const again = await createAccount(db, { name, email: email.toUpperCase(), passwordHash: null, timeZone: "UTC" });

    expect(again).toBeUndefined();
    expect(usersBefore).toBe(0);
    expect(await countWhere(users, name)).toBe(usersBefore);
    expect(await countWhere(workspaces, `Second's network`)).toBe(workspacesBefore);
    const [owners] = await db.select({ n: count() }).from(users).where(eq(users.email, email));
    expect(owners?.n).toBe(1);
  });
});

describe("auth tokens", () => {
  it("are single-use", async () => {
    const { user } = await makeUser();
    const { token, hash } = newToken();
    await createAuthToken(db, { userId: user.id, purpose: "verify_email", tokenHash: hash, ttlMs: 60_000 });

    expect(await consumeAuthToken(db, token, "verify_email")).toBe(user.id);
    expect(await consumeAuthToken(db, token, "verify_email")).toBeUndefined();
  });

  it("let only one of two racing consumers win", async () => {
    const { user } = await makeUser();
    const { token, hash } = newToken();
    await createAuthToken(db, { userId: user.id, purpose: "reset_password", tokenHash: hash, ttlMs: 60_000 });

    const results = await Promise.all([
      consumeAuthToken(db, token, "reset_password"),
      consumeAuthToken(db, token, "reset_password"),
    ]);
    expect(results.filter((r) => r === user.id)).toHaveLength(1);
    expect(results.filter((r) => r === undefined)).toHaveLength(1);
  });

  it("refuse the wrong purpose without using the token up", async () => {
    const { user } = await makeUser();
    const { token, hash } = newToken();
    await createAuthToken(db, { userId: user.id, purpose: "verify_email", tokenHash: hash, ttlMs: 60_000 });

    expect(await consumeAuthToken(db, token, "reset_password")).toBeUndefined();
    expect(await consumeAuthToken(db, token, "verify_email")).toBe(user.id);
  });

  it("refuse an expired token", async () => {
    const { user } = await makeUser();
    const { token, hash } = newToken();
    await createAuthToken(db, { userId: user.id, purpose: "reset_password", tokenHash: hash, ttlMs: -1_000 });

    expect(await consumeAuthToken(db, token, "reset_password")).toBeUndefined();
  });

  it("refuse an unknown token", async () => {
    expect(await consumeAuthToken(db, newToken().token, "verify_email")).toBeUndefined();
  });

  it("store only the hash: the raw token appears nowhere in auth_tokens", async () => {
    const { user } = await makeUser();
    const { token, hash } = newToken();
    await createAuthToken(db, { userId: user.id, purpose: "verify_email", tokenHash: hash, ttlMs: 60_000 });

    const find = (needle: string) =>
      queryRows<{ n: number }>(db, sql`select count(*)::int as n from auth_tokens t where position(${needle} in t::text) > 0`);
    expect(await find(token)).toEqual([{ n: 0 }]);
    expect(await find(hash)).toEqual([{ n: 1 }]);
  });
});

describe("setPassword", () => {
  it("replaces the hash and bumps the session version each time", async () => {
    const { user } = await makeUser();
    expect(user.sessionVersion).toBe(0);

    expect(await setPassword(db, user.id, "hash-1")).toBe(1);
    expect(await setPassword(db, user.id, "hash-2")).toBe(2);
    expect(await getPasswordHash(db, user.id)).toBe("hash-2");
    expect((await getSessionUser(db, user.id))?.sessionVersion).toBe(2);
  });

  it("throws for an unknown user", async () => {
    await expect(setPassword(db, randomUUID(), "hash")).rejects.toThrow(/no user/);
  });
});

describe("markEmailVerified", () => {
  async function verifiedAt(userId: string): Promise<Date | null | undefined> {
    const [row] = await db.select({ at: users.emailVerified }).from(users).where(eq(users.id, userId));
    return row?.at;
  }

  it("sets the time once and keeps the first one", async () => {
    const { user } = await makeUser();
    expect(user.emailVerified).toBe(false);

    await markEmailVerified(db, user.id);
    const first = await verifiedAt(user.id);
    expect(first).toBeInstanceOf(Date);
    expect((await getSessionUser(db, user.id))?.emailVerified).toBe(true);

    await sleep(20);
    await markEmailVerified(db, user.id);
    expect((await verifiedAt(user.id))?.getTime()).toBe(first?.getTime());
  });

  it("works inside the transaction that consumes the token", async () => {
    const { user } = await makeUser();
    const { token, hash } = newToken();
    await createAuthToken(db, { userId: user.id, purpose: "verify_email", tokenHash: hash, ttlMs: 60_000 });

    await db.transaction(async (tx) => {
      const userId = await consumeAuthToken(tx, token, "verify_email");
      if (userId) await markEmailVerified(tx, userId);
    });
    const [row] = await db
      .select({ ok: sql<boolean>`${users.emailVerified} is not null` })
      .from(users)
      .where(eq(users.id, user.id));
    expect(row?.ok).toBe(true);
  });
});
