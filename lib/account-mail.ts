import "server-only";
import { getDb } from "@/db/client";
import { createAuthToken } from "@/db/queries/users";
import { sendMail } from "@/lib/mail";
import { resetPasswordMail, verifyEmailMail } from "@/lib/mail/templates";
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
