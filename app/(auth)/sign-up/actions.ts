"use server";

import { after } from "next/server";
import { returnValidationErrors } from "next-safe-action";
import { getDb } from "@/db/client";
import { createAccount } from "@/db/queries/users";
import { sendVerificationMail } from "@/lib/account-mail";
import { actionClient } from "@/lib/actions";
import { signIn } from "@/lib/auth";
import { hashPassword, isCommonPassword } from "@/lib/password";
import { signUpSchema } from "@/lib/validation/auth";

export const signUp = actionClient
  .metadata({ name: "signUp" })
  .inputSchema(signUpSchema)
  .action(async ({ parsedInput: input }) => {
    if (isCommonPassword(input.password)) {
      returnValidationErrors(signUpSchema, {
        password: { _errors: ["That password is one of the most common ones. Pick something less guessable."] },
      });
    }
    const account = await createAccount(await getDb(), {
      name: input.name,
      email: input.email,
      timeZone: input.timeZone,
      passwordHash: await hashPassword(input.password),
    });
    if (!account) {
      returnValidationErrors(signUpSchema, {
        email: { _errors: ["There is already an account with this e-mail. Sign in, or reset your password."] },
      });
    }
    const { user } = account;
    after(() => sendVerificationMail(user).catch((err: unknown) => console.error("[sign-up] verification mail", err)));
    await signIn("credentials", {
      email: input.email,
      password: input.password,
      redirectTo: `/w/${account.workspaceSlug}?welcome=1`,
    });
  });
