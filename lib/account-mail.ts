import "server-only";
import { getDb } from "@/db/client";
import { createAccount, createAuthToken, getUserForSignIn } from "@/db/queries/users";
import { sendMail } from "@/lib/mail";
import { resetPasswordMail, verifyEmailMail } from "@/lib/mail/templates";
import { accountExistsMail } from "@/lib/mail/templates-account";
import { hashPassword } from "@/lib/password";
import { newToken } from "@/lib/tokens";

export const VERIFY_TTL_MS = 3 * 24 * 60 * 60 * 1000;
export const RESET_TTL_MS = 60 * 60 * 1000;

export async function sendVerificationMail(user: { id: string; name: string; email: string }): Promise<void> {
  const { token, hash } = newToken();
  await createAuthToken(await getDb(), { userId: user.id, purpose: "verify_email", tokenHash: hash, ttlMs: VERIFY_TTL_MS });
  await sendMail(verifyEmailMail(user.email, user.name, token));
}

export async function sendResetMail(user: { id: string; name: string; email: string }): Promise<void> {
  const { token, hash } = newToken();
  await createAuthToken(await getDb(), { userId: user.id, purpose: "reset_password", tokenHash: hash, ttlMs: RESET_TTL_MS });
  await sendMail(resetPasswordMail(user.email, user.name, token));
}

/**
 * The work behind a sign-up, done after the answer so that neither its words nor its
 * timing say whether the address already has an account. A new address gets its account,
 * personal workspace and a confirmation link; a known one gets a note to its owner, and
 * its account stays exactly as it was. The password is hashed either way.
 */
export async function signUpOrNotify(input: {
  name: string;
  email: string;
  password: string;
  timeZone: string;
}): Promise<"created" | "exists"> {
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  const account = await createAccount(db, { name: input.name, email: input.email, timeZone: input.timeZone, passwordHash });
  if (account) {
    await sendVerificationMail(account.user);
    return "created";
  }
  const owner = await getUserForSignIn(db, input.email);
  if (owner) await sendMail(accountExistsMail(owner.email, owner.name));
  return "exists";
}
