"use server";

import { revalidatePath } from "next/cache";
import { returnValidationErrors } from "next-safe-action";
import { getDb } from "@/db/client";
import {
  cancelPromise,
  completePromise,
  createPromise,
  deleteInteraction,
  getRelationship,
  logInteraction,
  updateInteraction,
} from "@/db/queries/ledger";
import { workspaceActionClient } from "@/lib/actions";
import { startOfDateIn, todayIn } from "@/lib/dates";
import { UserError } from "@/lib/errors";
import { ASK_STREAK_WARNING } from "@/lib/scoring";
import {
  completePromiseSchema,
  createPromiseSchema,
  interactionIdSchema,
  logInteractionSchema,
  promiseIdSchema,
  updateInteractionSchema,
} from "@/lib/validation/ledger";
import { workspaceSlug } from "@/lib/validation/workspaces";

// Logging happens from the contact page, the dashboard and the quick-log dialog: shared actions.
const ledgerClient = workspaceActionClient.bindArgsSchemas([workspaceSlug]);
const NOT_FOUND = "We couldn't find that contact in this workspace. It may have been deleted.";

export const logInteractionAction = ledgerClient
  .metadata({ name: "logInteraction" })
  .inputSchema(logInteractionSchema)
  .action(async ({ parsedInput: { confirmAsk, date, contactId, ...fields }, ctx: { user, workspace } }) => {
    if (date > todayIn(user.timeZone)) {
      returnValidationErrors(logInteractionSchema, {
        date: { _errors: ["That date is in the future. Log what has already happened."] },
      });
    }
    const db = await getDb();
    const scope = { workspaceId: workspace.id, userId: user.id };
    if (fields.kind === "ask" && !confirmAsk) {
      const rel = await getRelationship(db, scope, contactId);
      if (!rel) throw new UserError(NOT_FOUND);
      if (rel.state === "owing" || rel.askStreak + 1 >= ASK_STREAK_WARNING) {
        return {
          warning:
            rel.state === "owing"
              ? "You already owe this person a little. Could you give something first — an introduction, a tip, a check-in?"
              : `That would be ${rel.askStreak + 1} asks since you last gave. Give before you ask again?`,
        };
      }
    }
    const row = await logInteraction(db, scope, { ...fields, contactId, occurredAt: startOfDateIn(date, user.timeZone) });
    if (!row) throw new UserError(NOT_FOUND);
    revalidatePath(`/w/${workspace.slug}`, "layout");
    return { id: row.id };
  });

export const deleteInteractionAction = ledgerClient
  .metadata({ name: "deleteInteraction" })
  .inputSchema(interactionIdSchema)
  .action(async ({ parsedInput: { id }, ctx: { user, workspace } }) => {
    const ok = await deleteInteraction(await getDb(), { workspaceId: workspace.id, userId: user.id }, id);
    if (!ok) throw new UserError("That entry is gone, or it isn't yours to delete.");
    revalidatePath(`/w/${workspace.slug}`, "layout");
    return { deleted: true as const };
  });

export const createPromiseAction = ledgerClient
  .metadata({ name: "createPromise" })
  .inputSchema(createPromiseSchema)
  .action(async ({ parsedInput, ctx: { user, workspace } }) => {
    const row = await createPromise(await getDb(), { workspaceId: workspace.id, userId: user.id }, parsedInput);
    if (!row) throw new UserError(NOT_FOUND);
    revalidatePath(`/w/${workspace.slug}`, "layout");
    return row;
  });

export const completePromiseAction = ledgerClient
  .metadata({ name: "completePromise" })
  .inputSchema(completePromiseSchema)
  .action(async ({ parsedInput: { id, ...gave }, ctx: { user, workspace } }) => {
    const done = await completePromise(await getDb(), { workspaceId: workspace.id, userId: user.id }, id, {
      ...gave,
      details: null,
      occurredAt: new Date(),
    });
    if (!done) throw new UserError("That promise is already closed, or it isn't yours.");
    revalidatePath(`/w/${workspace.slug}`, "layout");
    return done;
  });

export const cancelPromiseAction = ledgerClient
  .metadata({ name: "cancelPromise" })
  .inputSchema(promiseIdSchema)
  .action(async ({ parsedInput: { id }, ctx: { user, workspace } }) => {
    const ok = await cancelPromise(await getDb(), { workspaceId: workspace.id, userId: user.id }, id);
    if (!ok) throw new UserError("That promise is already closed, or it isn't yours.");
    revalidatePath(`/w/${workspace.slug}`, "layout");
    return { cancelled: true as const };
  });

export const updateInteractionAction = ledgerClient
  .metadata({ name: "updateInteraction" })
  .inputSchema(updateInteractionSchema)
  .action(async ({ parsedInput: { id, date, ...fields }, ctx: { user, workspace } }) => {
    if (date > todayIn(user.timeZone)) {
      returnValidationErrors(updateInteractionSchema, {
        date: { _errors: ["That date is in the future. Log what has already happened."] },
      });
    }
    const ok = await updateInteraction(await getDb(), { workspaceId: workspace.id, userId: user.id }, id, {
      ...fields,
      occurredAt: startOfDateIn(date, user.timeZone),
    });
    if (!ok) throw new UserError("That entry is gone, or it isn't yours to edit.");
    revalidatePath(`/w/${workspace.slug}`, "layout");
    return { id };
  });
