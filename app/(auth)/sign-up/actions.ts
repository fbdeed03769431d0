"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { returnValidationErrors } from "next-safe-action";
import { signUpOrNotify } from "@/lib/account-mail";
import { actionClient } from "@/lib/actions";
import { UserError } from "@/lib/errors";
import { isCommonPassword } from "@/lib/password";
import { hit } from "@/lib/rate-limit";
import { clientIp } from "@/lib/request-ip";
import { signUpSchema } from "@/lib/validation/auth";

/**
 * Answers "check your inbox" whether or not the address has an account, in the same
 * words and time: the account (or, for a known address, a note to its owner) is made
 * after the answer. Only what holds for any address is checked first — the form's
 * fields, the common-password list and the attempt limits.
 */
export const signUp = actionClient
  .metadata({ name: "signUp" })
  .inputSchema(signUpSchema)
  .action(async ({ parsedInput: { callbackUrl: _next, ...input } }) => {
    if (isCommonPassword(input.password)) {
      returnValidationErrors(signUpSchema, {
        password: { _errors: ["That password is one of the most common ones. Pick something less guessable."] },
      });
    }
    const ip = clientIp(await headers());
    const [byEmail, byIp] = await Promise.all([hit("signUpPerEmail", input.email), hit("signUpPerIp", ip)]);
    if (byEmail || byIp) throw new UserError("Too many sign-ups from here. Please wait an hour and try again.");
    after(() => signUpOrNotify(input).catch((err: unknown) => console.error("[sign-up]", err)));
    return { sent: true as const };
  });
