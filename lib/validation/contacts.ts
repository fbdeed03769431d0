import { z } from "zod";
import { cleanText, text, wholeNumber } from "./text";

const optionalText = (max: number, label: string) =>
  text(z.string().trim().max(max, `Keep ${label} under ${max} characters.`))
    .optional()
    .transform((v) => (v ? v : null));

/** "a@x.com, b@y.org" or one per line → a de-duplicated, lower-cased list. */
const emailList = z
  .string()
  .max(2000, "That is too many addresses for one contact.")
  .optional()
  .transform((v) =>
    [...new Set((v ?? "").split(/[\s,;]+/).map((e) => e.trim().toLowerCase()).filter(Boolean))],
  )
  // Checked as a whole so the message lands beside the one field the user typed in.
  .refine((list) => list.every((e) => z.email().safeParse(e).success), "One of these is not an e-mail address (name@example.com).")
  .refine((list) => list.length <= 10, "Keep it to 10 e-mail addresses.");

/** "founder, climate" → ["founder", "climate"]: trimmed, de-duplicated case-insensitively. */
const tagList = z
  .string()
  .max(1000, "That is too many tags for one contact.")
  .optional()
  .transform((v) => {
    const seen = new Map<string, string>();
    // The first spelling typed wins: "Founder, founder" keeps "Founder".
    for (const t of cleanText(v ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
      if (!seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
    }
    return [...seen.values()];
  })
  .refine((tags) => tags.every((t) => t.length <= 40), "Keep each tag under 40 characters.")
  .refine((tags) => tags.length <= 20, "Keep it to 20 tags.");

const url = text(z.string().trim().max(500, "Keep the link under 500 characters."))
  .optional()
  // "example.com:8080/a" has a port, not a scheme.
  .transform((v) => (v ? (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(v) ? v : `https://${v}`) : null))
  // The pattern keeps out what a browser would still open ("https://a b"); parsing keeps out what none can.
  .refine((v) => v === null || (/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v) && URL.canParse(v)), "Enter a web address like linkedin.com/in/name.");

export const CADENCE_OPTIONS = ["30", "60", "90", "180", "365", "none"] as const;

export const contactInputSchema = z.strictObject({
  name: text(z.string().trim().min(1, "Every contact needs a name.").max(200, "Keep the name under 200 characters.")),
  emails: emailList,
  phone: optionalText(50, "the phone number").refine(
    (v) => v === null || /^[0-9+()./\s-]*(?:(?:ext|x)\.?\s*\d+)?$/i.test(v),
    "Use digits, spaces and + ( ) - . only.",
  ),
  company: optionalText(200, "the company"),
  title: optionalText(200, "the title"),
  location: optionalText(200, "the location"),
  url,
  howWeMet: optionalText(1000, "how you met"),
  tags: tagList,
  interests: optionalText(2000, "interests"),
  needs: optionalText(2000, "needs"),
  offers: optionalText(2000, "offers"),
  cadence: z
    .enum(CADENCE_OPTIONS, { error: "Choose how often to keep in touch." })
    .default("90")
    .transform((c) => (c === "none" ? null : Number(c))),
});
export type ContactInput = z.output<typeof contactInputSchema>;

/** The version an edit was made from: a form field ("3"). */
const version = wholeNumber({ min: 1, message: "This form is out of date. Reload the page and try again." });

export const contactUpdateSchema = contactInputSchema.extend({
  id: z.uuid(),
  version,
});

export const contactIdSchema = z.strictObject({ id: z.uuid() });
export const archiveContactSchema = z.strictObject({ id: z.uuid(), archived: z.boolean() });

/**
 * The contact list's URL parameters. Not strict, on purpose: a link may carry parameters
 * of its own (utm_…); unknown keys are dropped, never passed on.
 */
export const contactListQuerySchema = z.object({
  q: text(z.string().trim().max(200)).optional().default(""),
  tag: text(z.string().trim().max(40)).optional(),
  company: text(z.string().trim().max(200)).optional(),
  archived: z
    .enum(["0", "1"])
    .optional()
    .transform((v) => v === "1"),
  sort: z.enum(["name", "recent", "balance", "strength", "last"]).optional().default("name"),
  state: z.enum(["giving", "balanced", "owing"]).optional(),
  cold: z
    .enum(["0", "1"])
    .optional()
    .transform((v) => v === "1"),
  cursor: text(z.string().max(500)).optional(),
});
export type ContactListQuery = z.output<typeof contactListQuerySchema>;

export const noteBody = text(z.string().trim().min(1, "Write something first.").max(20_000, "Keep a note under 20,000 characters."));

export const createNoteSchema = z.strictObject({
  contactId: z.uuid(),
  body: noteBody,
  visibility: z.enum(["private", "team"]),
});

export const updateNoteSchema = z.strictObject({
  id: z.uuid(),
  body: noteBody,
  version,
});

export const noteVisibilitySchema = z.strictObject({ id: z.uuid(), visibility: z.enum(["private", "team"]) });
export const noteIdSchema = z.strictObject({ id: z.uuid() });
