import { z } from "zod";

// Messages for what only a hand-made request sends (a number where the form sends text, a
// missing field, a field the form does not have): plain words rather than zod's internals.
// A schema's own message always wins over these.
z.config({
  customError: (iss) => {
    if (iss.code === "invalid_type") {
      return iss.input === undefined ? "This is required." : `This should be ${iss.expected === "array" ? "a list" : `a ${iss.expected}`}.`;
    }
    if (iss.code === "unrecognized_keys") {
      return `Unexpected field${iss.keys.length > 1 ? "s" : ""}: ${iss.keys.map((k) => JSON.stringify(k).slice(0, 60)).join(", ").slice(0, 200)}.`;
    }
    return undefined;
  },
});

/**
 * What every stored piece of text goes through. PostgreSQL text cannot hold NUL, and a
 * lone UTF-16 surrogate cannot be written as UTF-8 (it would arrive as U+FFFD, so what
 * is stored would differ from what was checked). Nobody means to type either.
 */
export function cleanText(s: string): string {
  return s.replace(/\u0000/g, "").toWellFormed();
}

/** A string, cleaned, then checked by `rules` (trim, min, max …) so lengths count what is stored. */
export function text<T extends z.ZodType<string, string>>(rules: T) {
  return z.string().transform(cleanText).pipe(rules);
}

const INT4_MAX = 2_147_483_647;

/**
 * A whole number from a form field ("3") or a number, within [min, max] — never more
 * than PostgreSQL's integer holds. Other types (arrays, booleans, objects) are refused
 * rather than coerced: `Number([5])` is 5 and `Number(true)` is 1.
 */
export function wholeNumber(opts: { min: number; max?: number; message: string; minMessage?: string; maxMessage?: string }) {
  const max = Math.min(opts.max ?? INT4_MAX, INT4_MAX);
  return z
    .union([z.number(), z.string().trim().regex(/^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i)], { error: opts.message })
    .transform(Number)
    .pipe(
      z
        .number({ error: opts.message })
        .int(opts.message)
        .min(opts.min, opts.minMessage ?? opts.message)
        .max(max, opts.maxMessage ?? opts.message),
    );
}

/**
 * A calendar date as YYYY-MM-DD that really exists ("2024-02-31" does not) and lies
 * between 1900 and 2199, so it fits the database and means something.
 */
export const isoDate = z
  .string({ error: "Pick a date." })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a date.")
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
  }, "Pick a real date.")
  .refine((d) => d >= "1900-01-01" && d <= "2199-12-31", "Pick a date between 1900 and 2199.");
