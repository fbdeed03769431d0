"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { updateDigestPreferences } from "@/db/queries/digest";
import { workspaceActionClient } from "@/lib/actions";
import { digestPreferencesSchema } from "@/lib/validation/digest";
import { workspaceSlug } from "@/lib/validation/workspaces";

/** The weekly digest by e-mail: on or off, and the weekday and hour it arrives (the user's own, for every workspace). */
export const saveDigestPreferences = workspaceActionClient
  .metadata({ name: "saveDigestPreferences" })
  .bindArgsSchemas([workspaceSlug])
  .inputSchema(digestPreferencesSchema)
  .action(async ({ parsedInput, ctx: { user, workspace } }) => {
    await updateDigestPreferences(await getDb(), user.id, parsedInput);
    revalidatePath(`/w/${workspace.slug}/settings`);
    return { saved: true as const };
  });
