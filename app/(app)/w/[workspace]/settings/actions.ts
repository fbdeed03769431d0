"use server";

import { revalidatePath } from "next/cache";
import { returnValidationErrors } from "next-safe-action";
import { getDb } from "@/db/client";
import { getPasswordHash, setPassword, updateProfile } from "@/db/queries/users";
import { workspaceActionClient } from "@/lib/actions";
import { signIn } from "@/lib/auth";
import { hashPassword, isCommonPassword, verifyPassword } from "@/lib/password";
import { hit } from "@/lib/rate-limit";
import { changePasswordSchema, profileSchema } from "@/lib/validation/auth";
import { workspaceSlug } from "@/lib/validation/workspaces";

export const saveProfile = workspaceActionClient
  .metadata({ name: "saveProfile" })
  .bindArgsSchemas([workspaceSlug])
  .inputSchema(profileSchema)
  .action(async ({ parsedInput, ctx: { user, workspace } }) => {
    await updateProfile(await getDb(), user.id, parsedInput);
    revalidatePath(`/w/${workspace.slug}`, "layout");
    return { saved: true as const };
  });

/**
 * Changing the password bumps the session version, which ends every session —
 * then this one is signed in afresh, so only the *other* sessions are gone.
 */
export const changePassword = workspaceActionClient
  .metadata({ name: "changePassword" })
  .bindArgsSchemas([workspaceSlug])
  .inputSchema(changePasswordSchema)
  .action(async ({ parsedInput: { currentPassword, newPassword }, ctx: { user, workspace } }) => {
    const db = await getDb();
    const stored = await getPasswordHash(db, user.id);
    if (!stored || !(await verifyPassword(stored, currentPassword))) {
      await hit("signInPerEmail", user.email);
      returnValidationErrors(changePasswordSchema, {
        currentPassword: { _errors: ["That is not your current password."] },
      });
    }
    if (isCommonPassword(newPassword)) {
      returnValidationErrors(changePasswordSchema, {
        newPassword: { _errors: ["That password is one of the most common ones. Pick something less guessable."] },
      });
    }
    await setPassword(db, user.id, await hashPassword(newPassword));
    await signIn("credentials", {
      email: user.email,
      password: newPassword,
      redirectTo: `/w/${workspace.slug}/settings?saved=password`,
    });
  });
