import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { authTokens, users, type AuthToken } from "@/db/schema";
import { createWorkspace } from "./workspaces";
import { hashToken } from "@/lib/tokens";

/** What the app needs of a user to authenticate a request: never the password hash. */
export type SessionUser = {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  timeZone: string;
  sessionVersion: number;
};

const sessionColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  emailVerified: sql<boolean>`${users.emailVerified} is not null`,
  timeZone: users.timeZone,
  sessionVersion: users.sessionVersion,
};

export async function getSessionUser(db: Db, userId: string): Promise<SessionUser | undefined> {
  const [row] = await db.select(sessionColumns).from(users).where(eq(users.id, userId)).limit(1);
  return row;
}

export async function getUserForSignIn(db: Db, email: string) {
  const [row] = await db
    .select({ ...sessionColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email.toLowerCase()))
    .limit(1);
  return row;
}

export async function getPasswordHash(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId));
  return row?.passwordHash ?? null;
}

/**
 * Creates the account and its personal workspace in one transaction.
 * Returns undefined when the e-mail is taken (nothing is written then).
 */
export async function createAccount(
  db: Db,
  input: { name: string; email: string; passwordHash: string | null; timeZone: string },
): Promise<{ user: SessionUser; workspaceSlug: string } | undefined> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ ...input, email: input.email.toLowerCase() })
      .onConflictDoNothing({ target: users.email })
      .returning(sessionColumns);
    if (!user) return undefined;
    const workspace = await createPersonalWorkspace(tx, user);
    return { user, workspaceSlug: workspace.slug };
  });
}

export function createPersonalWorkspace(tx: Db | Tx, user: { id: string; name: string }) {
  const first = user.name.trim().split(/\s+/)[0] ?? user.name;
  return createWorkspace(tx, { name: `${first}'s network`, ownerId: user.id, personal: true });
}

export async function updateProfile(db: Db, userId: string, input: { name: string; timeZone: string }): Promise<void> {
  await db.update(users).set(input).where(eq(users.id, userId));
}

/** Sets a new password and ends every session minted before it. Returns the new session version. */
export async function setPassword(db: Db | Tx, userId: string, passwordHash: string): Promise<number> {
  const [row] = await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .returning({ sessionVersion: users.sessionVersion });
  if (!row) throw new Error(`setPassword: no user ${userId}`);
  return row.sessionVersion;
}

export async function createAuthToken(
  db: Db,
  input: { userId: string; purpose: AuthToken["purpose"]; tokenHash: string; ttlMs: number },
): Promise<void> {
  await db.insert(authTokens).values({
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: input.tokenHash,
    expiresAt: new Date(Date.now() + input.ttlMs),
  });
}

/**
 * Marks a token used if it is valid (right purpose, unexpired, unused) and returns its user.
 * One UPDATE … RETURNING, so two clicks racing on one link cannot both succeed.
 */
export async function consumeAuthToken(
  tx: Db | Tx,
  token: string,
  purpose: AuthToken["purpose"],
): Promise<string | undefined> {
  const [row] = await tx
    .update(authTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(authTokens.tokenHash, hashToken(token)),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: authTokens.userId });
  return row?.userId;
}

export async function markEmailVerified(tx: Db | Tx, userId: string): Promise<void> {
  await tx
    .update(users)
    .set({ emailVerified: sql`coalesce(${users.emailVerified}, now())` })
    .where(eq(users.id, userId));
}
