"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { getDb } from "@/db/client";
import { getUserForSignIn } from "@/db/queries/users";
import { sendResetMail } from "@/lib/account-mail";
import { actionClient } from "@/lib/actions";
import { UserError } from "@/lib/errors";
import { hit } from "@/lib/rate-limit";
import { clientIp } from "@/lib/request-ip";
import { forgotPasswordSchema } from "@/lib/validation/auth";

/**
 * Always answers the same, at the same speed: the lookup and the mail happen after
 * the response, so neither the words nor the timing tell whether the account exists.
 */
export const requestPasswordReset = actionClient
  .metadata({ name: "requestPasswordReset" })
  .inputSchema(forgotPasswordSchema)
  .action(async ({ parsedInput: { email } }) => {
    const ip = clientIp(await headers());
    const [byEmail, byIp] = await Promise.all([hit("resetPerEmail", email), hit("resetPerIp", ip)]);
    if (byEmail || byIp) throw new UserError("Too many reset requests. Please wait an hour and try again.");
    after(async () => {
      try {
        const user = await getUserForSignIn(await getDb(), email);
        if (user) await sendResetMail(user);
      } catch (err) {
        console.error("[forgot] reset mail", err);
      }
    });
    return { sent: true as const };
  });
