"use server";

import { getDb } from "@/db/client";
import { consumeAuthToken, markEmailVerified } from "@/db/queries/users";
import { actionClient } from "@/lib/actions";
import { UserError } from "@/lib/errors";
import { verifyEmailSchema } from "@/lib/validation/auth";

export const verifyEmail = actionClient
  .metadata({ name: "verifyEmail" })
  .inputSchema(verifyEmailSchema)
  .action(async ({ parsedInput: { token } }) => {
    const db = await getDb();
    const ok = await db.transaction(async (tx) => {
      const userId = await consumeAuthToken(tx, token, "verify_email");
      if (userId) await markEmailVerified(tx, userId);
      return Boolean(userId);
    });
    if (!ok) throw new UserError("This confirmation link has expired or was already used.");
    return { verified: true as const };
  });
