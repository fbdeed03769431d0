"use server";

import { redirect } from "next/navigation";
import { returnValidationErrors } from "next-safe-action";
import { getDb } from "@/db/client";
import { deleteWorkspace } from "@/db/queries/account-deletion";
import { workspaceActionClient } from "@/lib/actions";
import { UserError } from "@/lib/errors";
import { deleteWorkspaceSchema } from "@/lib/validation/import";
import { workspaceSlug } from "@/lib/validation/workspaces";

/** Owners only: deletes the workspace and everything in it, once its name is typed. */
export const deleteWorkspaceAction = workspaceActionClient
  .metadata({ name: "deleteWorkspace", permission: "workspace:delete" })
  .bindArgsSchemas([workspaceSlug])
  .inputSchema(deleteWorkspaceSchema)
  .action(async ({ parsedInput: { confirmation }, ctx: { user, workspace } }) => {
    if (confirmation.toLowerCase() !== workspace.name.trim().toLowerCase()) {
      returnValidationErrors(deleteWorkspaceSchema, {
        confirmation: { _errors: [`Type the workspace's name, ${workspace.name}, to confirm.`] },
      });
    }
    const result = await deleteWorkspace(await getDb(), workspace.id, user.id);
    if (result.status === "personal") {
      throw new UserError("Your personal workspace goes only with your account. To delete it, delete your account in Settings.");
    }
    // Home picks the personal workspace; the deleted one 404s from now on.
    redirect("/w");
  });
