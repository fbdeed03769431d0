import { z } from "zod";

/** Digest preferences from the settings form: on/off, ISO weekday (1 = Monday), hour 0–23. */
export const digestPreferencesSchema = z.strictObject({
  enabled: z.boolean({ error: "Choose whether you want the digest." }),
  weekday: z.coerce
    .number({ error: "Choose a day of the week." })
    .int("Choose a day of the week.")
    .min(1, "Choose a day of the week.")
    .max(7, "Choose a day of the week."),
  hour: z.coerce.number({ error: "Choose an hour." }).int("Choose an hour.").min(0, "Choose an hour.").max(23, "Choose an hour."),
});
export type DigestPreferencesInput = z.output<typeof digestPreferencesSchema>;

/** The unsubscribe link's query: the user's id and the HMAC that proves the link was ours. */
export const unsubscribeParamsSchema = z.strictObject({
  u: z.uuid(),
  t: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
