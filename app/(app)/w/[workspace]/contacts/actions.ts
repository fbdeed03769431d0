"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import {
  createContact,
  deleteContact,
  getContact,
  setContactArchived,
  updateContact,
} from "@/db/queries/contacts";
import { createNote, deleteNote, setNoteVisibility, updateNote } from "@/db/queries/notes";
import { workspaceActionClient } from "@/lib/actions";
import { UserError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import {
  archiveContactSchema,
  contactIdSchema,
  contactInputSchema,
  contactUpdateSchema,
  createNoteSchema,
  noteIdSchema,
  noteVisibilitySchema,
  updateNoteSchema,
} from "@/lib/validation/contacts";
import { workspaceSlug } from "@/lib/validation/workspaces";

const NOT_FOUND = "We couldn't find that contact in this workspace. It may have been deleted.";
const contactsClient = workspaceActionClient.bindArgsSchemas([workspaceSlug]);
const base = (slug: string) => `/w/${slug}/contacts`;

export const createContactAction = contactsClient
  .metadata({ name: "createContact" })
  .inputSchema(contactInputSchema)
  .action(async ({ parsedInput, ctx: { user, workspace } }) => {
    const { id } = await createContact(await getDb(), { workspaceId: workspace.id, userId: user.id }, parsedInput);
    redirect(`${base(workspace.slug)}/${id}?created=1`);
  });

export const updateContactAction = contactsClient
  .metadata({ name: "updateContact" })
  .inputSchema(contactUpdateSchema)
  .action(async ({ parsedInput: { id, version, ...input }, ctx: { workspace } }) => {
    const result = await updateContact(await getDb(), workspace.id, id, version, input);
    if (result === "not_found") throw new UserError(NOT_FOUND);
    if (result === "conflict") {
      throw new UserError(
        "Someone saved changes to this contact while you were editing. Your text is still in the form: open the contact in a new tab to see theirs, then save again.",
      );
    }
    revalidatePath(base(workspace.slug), "layout");
    redirect(`${base(workspace.slug)}/${id}?saved=1`);
  });

export const setArchivedAction = contactsClient
  .metadata({ name: "archiveContact" })
  .inputSchema(archiveContactSchema)
  .action(async ({ parsedInput: { id, archived }, ctx: { workspace } }) => {
    if (!(await setContactArchived(await getDb(), workspace.id, id, archived))) throw new UserError(NOT_FOUND);
    revalidatePath(base(workspace.slug), "layout");
    return { archived };
  });

/** Hard delete: the contact's creator, or an owner/admin. */
export const deleteContactAction = contactsClient
  .metadata({ name: "deleteContact" })
  .inputSchema(contactIdSchema)
  .action(async ({ parsedInput: { id }, ctx: { user, workspace } }) => {
    const db = await getDb();
    const contact = await getContact(db, workspace.id, id);
    if (!contact) throw new UserError(NOT_FOUND);
    if (contact.createdBy?.id !== user.id && !can(workspace.role, "contacts:delete-any")) {
      throw new UserError("Only the person who added this contact, or an admin, can delete it. You can archive it.");
    }
    await deleteContact(db, workspace.id, id);
    revalidatePath(base(workspace.slug), "layout");
    redirect(`${base(workspace.slug)}?deleted=1`);
  });

export const createNoteAction = contactsClient
  .metadata({ name: "createNote" })
  .inputSchema(createNoteSchema)
  .action(async ({ parsedInput, ctx: { user, workspace } }) => {
    const note = await createNote(await getDb(), { workspaceId: workspace.id, userId: user.id }, parsedInput);
    if (!note) throw new UserError(NOT_FOUND);
    revalidatePath(`${base(workspace.slug)}/${parsedInput.contactId}`);
    return note;
  });

export const updateNoteAction = contactsClient
  .metadata({ name: "updateNote" })
  .inputSchema(updateNoteSchema)
  .action(async ({ parsedInput, ctx: { user, workspace } }) => {
    const result = await updateNote(await getDb(), { workspaceId: workspace.id, userId: user.id }, parsedInput);
    if (result.status === "not_found") throw new UserError("That note is gone, or it isn't yours to edit.");
    // On a conflict the page must not refresh under the user: their editor holds the text to merge.
    if (result.status === "ok") revalidatePath(base(workspace.slug), "layout");
    return result;
  });

export const setNoteVisibilityAction = contactsClient
  .metadata({ name: "setNoteVisibility" })
  .inputSchema(noteVisibilitySchema)
  .action(async ({ parsedInput: { id, visibility }, ctx: { user, workspace } }) => {
    const ok = await setNoteVisibility(await getDb(), { workspaceId: workspace.id, userId: user.id }, id, visibility);
    if (!ok) throw new UserError("That note is gone, or it isn't yours to change.");
    revalidatePath(base(workspace.slug), "layout");
    return { visibility };
  });

export const deleteNoteAction = contactsClient
  .metadata({ name: "deleteNote" })
  .inputSchema(noteIdSchema)
  .action(async ({ parsedInput: { id }, ctx: { user, workspace } }) => {
    const ok = await deleteNote(await getDb(), { workspaceId: workspace.id, userId: user.id }, id);
    if (!ok) throw new UserError("That note is gone, or it isn't yours to delete.");
    revalidatePath(base(workspace.slug), "layout");
    return { deleted: true as const };
  });
