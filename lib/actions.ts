import "server-only";
import { createSafeActionClient } from "next-safe-action";
import { z } from "zod";
import { dbUnavailable, isTransientDbError } from "@/lib/db-errors";
import { UserError, GENERIC_ERROR_MESSAGE } from "@/lib/errors";
import { requireMember, requireUser } from "@/lib/session";
import type { Permission } from "@/lib/permissions";

/**
 * The action clients. A server action is a public POST endpoint: each client checks
 * the caller itself, and only a UserError's message ever reaches the browser.
 */
export const actionClient = createSafeActionClient({
  defaultValidationErrorsShape: "flattened",
  defineMetadataSchema: () => z.object({ name: z.string(), permission: z.string().optional() }),
  handleServerError(error, { metadata }) {
    if (error instanceof UserError) return error.message;
    if (isTransientDbError(error)) return dbUnavailable(`action ${metadata?.name ?? "?"}`, error);
    console.error(`[action ${metadata?.name ?? "?"}]`, error);
    return GENERIC_ERROR_MESSAGE;
  },
});

/** Signed-in users only. */
export const authActionClient = actionClient.use(async ({ next }) => {
  const user = await requireUser();
  return next({ ctx: { user } });
});

/**
 * Members of the workspace named by the bound `slug` only, with the permission the
 * action's metadata names. Use with `.bindArgsSchemas([workspaceSlugArg])`.
 */
export const workspaceActionClient = actionClient.use(async ({ next, bindArgsClientInputs, metadata }) => {
  const slug = bindArgsClientInputs[0];
  if (typeof slug !== "string") throw new UserError("This action needs a workspace.");
  const member = await requireMember(slug, metadata.permission as Permission | undefined);
  return next({ ctx: member });
});
