import { z } from "zod";
import { IMPORT_FIELDS } from "@/lib/import/fields";
import { MAX_IMPORT_COLUMNS } from "@/lib/import/limits";

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
  confirmation: z.string().trim().max(320),
});

export const deleteWorkspaceSchema = z.strictObject({
  confirmation: z.string().trim().max(200),
});

export const exportFormatSchema = z.enum(["csv", "vcard"]);
