"use server";

import { AuthError } from "next-auth";
import { actionClient } from "@/lib/actions";
import { signIn } from "@/lib/auth";
import { safeCallbackUrl } from "@/lib/safe-redirect";
import { signInSchema } from "@/lib/validation/auth";

export const signInWithPassword = actionClient
  .metadata({ name: "signIn" })
  .inputSchema(signInSchema)
  .action(async ({ parsedInput: { email, password, callbackUrl } }) => {
    try {
      await signIn("credentials", { email, password, redirectTo: safeCallbackUrl(callbackUrl) });
    } catch (err) {
      // Anything but an AuthError is Next's redirect (or a real fault): let it through.
      if (!(err instanceof AuthError)) throw err;
      const limited = "code" in err && err.code === "rate_limited";
      return {
        error: limited
          ? "Too many attempts. Wait a minute, then try again — or reset your password."
          : "That e-mail and password don't match an account. Check them and try again.",
      };
    }
  });
