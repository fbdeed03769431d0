import { z } from "zod";

/** Keyset cursors for "newest first" lists, as they travel in a URL: `<ISO time>~<uuid>`. */
export type Cursor = { createdAt: Date; id: string };

const cursorSchema = z
  .string()
  .max(80)
  .transform((s) => s.split("~"))
  .pipe(z.tuple([z.iso.datetime({ offset: true }), z.uuid()]));

export function encodeCursor(item: Cursor): string {
  return `${item.createdAt.toISOString()}~${item.id}`;
}

/** A cursor from the URL, or undefined for a missing or malformed one (→ the first page). */
export function decodeCursor(value: string | string[] | undefined): Cursor | undefined {
  const parsed = cursorSchema.safeParse(value);
  if (!parsed.success) return undefined;
  const [at, id] = parsed.data;
  return { createdAt: new Date(at), id };
}
