import { z } from "zod";
import { KINDS, KIND_NAMES, type Direction, type Kind } from "@/lib/scoring";
import { isoDate, text, wholeNumber } from "./text";

const interactionFields = {
  direction: z.enum(["gave", "received", "mutual"], { error: "Choose who gave." }),
  kind: z.enum(KIND_NAMES as [Kind, ...Kind[]], { error: "Choose what it was." }),
  weight: wholeNumber({
    min: 1,
    max: 5,
    message: "Weight is a whole number from 1 to 5.",
    minMessage: "Weight is at least 1.",
    maxMessage: "Weight is at most 5.",
  }),
  date: isoDate,
  summary: text(z.string().trim().min(1, "Say in a line what happened.").max(200, "Keep the summary to one line (200 characters).")),
  details: text(z.string().trim().max(2000, "Keep details under 2,000 characters."))
    .optional()
    .transform((v) => v || null),
};

const kindFitsDirection = (v: { kind: Kind; direction: Direction }) => KINDS[v.kind].directions.includes(v.direction);
const kindMessage = { message: "That kind doesn't go in that direction.", path: ["kind"] };

export const logInteractionSchema = z
  .strictObject({
    /** Chosen by the client to make a retry safe: the same id is logged once (see logInteraction). */
    id: z.uuid({ error: "The entry's id must be a UUID." }).optional(),
    contactId: z.uuid(),
    ...interactionFields,
    /** Set when the user saw the "give before you ask" warning and logs the ask anyway. */
    confirmAsk: z.boolean().optional(),
  })
  .refine(kindFitsDirection, kindMessage);

export const updateInteractionSchema = z.strictObject({ id: z.uuid(), ...interactionFields }).refine(kindFitsDirection, kindMessage);

export const interactionIdSchema = z.strictObject({ id: z.uuid() });

export const createPromiseSchema = z.strictObject({
  contactId: z.uuid(),
  description: text(z.string().trim().min(1, "What did you offer?").max(300, "Keep it under 300 characters.")),
  dueOn: z
    .union([isoDate, z.literal("")])
    .optional()
    .transform((v) => v || null),
});

export const completePromiseSchema = z.strictObject({
  id: z.uuid(),
  kind: z.enum(KIND_NAMES as [Kind, ...Kind[]]).refine((k) => KINDS[k].directions.includes("gave"), "Choose what you gave."),
  weight: interactionFields.weight,
  summary: interactionFields.summary,
});

export const promiseIdSchema = z.strictObject({ id: z.uuid() });
