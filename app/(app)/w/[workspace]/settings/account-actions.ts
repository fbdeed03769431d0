"use server";

import { returnValidationErrors } from "next-safe-action";
import { getDb } from "@/db/client";
import { deleteAccount } from "@/db/queries/account-deletion";
import { authActionClient } from "@/lib/actions";
import { signOut } from "@/lib/auth";
import { UserError } from "@/lib/errors";
import { deleteAccountSchema } from "@/lib/validation/import";

/**
 * Deletes the caller's account for good, once they typed their e-mail address. Deleting the
 * user row ends every session (each request checks it); this one's cookie is cleared too.
 */
export const deleteMyAccount = authActionClient
  .metadata({ name: "deleteMyAccount" })
  .inputSchema(deleteAccountSchema)
  .action(async ({ parsedInput: { confirmation }, ctx: { user } }) => {
    if (confirmation.toLowerCase() !== user.email.toLowerCase()) {
      returnValidationErrors(deleteAccountSchema, {
        confirmation: { _errors: [`Type your e-mail address, ${user.email}, to confirm.`] },
      });
    }
    const result = await deleteAccount(await getDb(), user.id);
    if (result.status === "last_owner") {
      const names = result.workspaces.map((w) => `“${w}”`).join(", ");
      throw new UserError(
        `You're the only owner of ${names}, and others still work there. On its Team page, make a teammate an owner first (or delete the workspace) — then come back here.`,
      );
    }
    await signOut({ redirectTo: "/goodbye" });
  });
