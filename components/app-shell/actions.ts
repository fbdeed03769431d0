"use server";

import { sendVerificationMail } from "@/lib/account-mail";
import { authActionClient } from "@/lib/actions";
import { signOut } from "@/lib/auth";
import { UserError } from "@/lib/errors";
import { hit } from "@/lib/rate-limit";

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/" });
}

export const resendVerification = authActionClient
  .metadata({ name: "resendVerification" })
  .action(async ({ ctx: { user } }) => {
    if (user.emailVerified) return { sent: false as const };
    if (await hit("resetPerEmail", `verify:${user.email}`)) {
      throw new UserError("We've sent several links already. Please check your inbox and spam folder.");
    }
    await sendVerificationMail(user);
    return { sent: true as const };
  });
