import { z } from "zod";
import { IMPORT_FIELDS } from "@/lib/import/fields";
import { MAX_IMPORT_COLUMNS } from "@/lib/import/limits";
import { text } from "./text";

/** What the import form sends beside the file (as one JSON field of the multipart body). */
export const importOptionsSchema = z.strictObject({
  step: z.enum(["preview", "commit"], { error: "Choose preview or import." }),
  onDuplicate: z.enum(["merge", "skip"], { error: "Choose whether to merge or skip people already here." }).default("merge"),
  mapping: z
    .array(z.enum(IMPORT_FIELDS).nullable(), { error: "The column choices are not valid." })
    .max(MAX_IMPORT_COLUMNS)
    .optional(),
});
export type ImportOptions = z.output<typeof importOptionsSchema>;

/** Typed to delete: the exact text shown, so nobody deletes by a slip of the mouse. */
export const deleteAccountSchema = z.strictObject({
  confirmation: text(z.string().trim().max(320, "That is longer than any e-mail address.")),
});

export const deleteWorkspaceSchema = z.strictObject({
  confirmation: text(z.string().trim().max(200, "That is longer than any workspace name.")),
});

export const exportFormatSchema = z.enum(["csv", "vcard"]);
