"use server";

import { redirect } from "next/navigation";
import { returnValidationErrors } from "next-safe-action";
import { getDb } from "@/db/client";
import { consumeAuthToken, markEmailVerified, setPassword } from "@/db/queries/users";
import { actionClient } from "@/lib/actions";
import { UserError } from "@/lib/errors";
import { hashPassword, isCommonPassword } from "@/lib/password";
import { resetPasswordSchema } from "@/lib/validation/auth";

export const resetPassword = actionClient
  .metadata({ name: "resetPassword" })
  .inputSchema(resetPasswordSchema)
  .action(async ({ parsedInput: { token, password } }) => {
    if (isCommonPassword(password)) {
      returnValidationErrors(resetPasswordSchema, {
        password: { _errors: ["That password is one of the most common ones. Pick something less guessable."] },
      });
    }
    const passwordHash = await hashPassword(password);
    const db = await getDb();
    const done = await db.transaction(async (tx) => {
      const userId = await consumeAuthToken(tx, token, "reset_password");
      if (!userId) return false;
      await setPassword(tx, userId, passwordHash); // ends every existing session
      await markEmailVerified(tx, userId); // the link reached their inbox
      return true;
    });
    if (!done) throw new UserError("This reset link has expired or was already used. Ask for a new one below.");
    redirect("/sign-in?reset=1");
  });
