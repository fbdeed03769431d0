import Papa from "papaparse";
import type { ExportContact } from "./types";

/** The header of Mutual's CSV; lib/import recognises it and maps every column back. */
export const CSV_HEADER = [
  "Name",
  "E-mails",
  "Phone",
  "Company",
  "Title",
  "Location",
  "URL",
  "How we met",
  "Tags",
  "Interests",
  "Needs",
  "Offers",
  "Keep in touch every (days)",
  "Connected on",
  "Archived",
] as const;

/**
 * Cells a spreadsheet would run as a formula (= + - @, or a leading tab or carriage return)
 * get an apostrophe in front (OWASP's advice for CSV injection). Cells that already start with
 * apostrophes before such a character get one more, so the import can always drop exactly one.
 */
export const FORMULA_START = /^'*[=+\-@\t\r]/;

export function contactsToCsv(contacts: readonly ExportContact[]): string {
  const rows = contacts.map((c) => [
    c.name,
    c.emails.join(", "),
    c.phone ?? "",
    c.company ?? "",
    c.title ?? "",
    c.location ?? "",
    c.url ?? "",
    c.howWeMet ?? "",
    c.tags.join(", "),
    c.interests ?? "",
    c.needs ?? "",
    c.offers ?? "",
    c.cadenceDays === null ? "none" : String(c.cadenceDays),
    c.connectedOn ?? "",
    c.archived ? "yes" : "",
  ]);
  // RFC 4180: CRLF between records, fields quoted when they hold a comma, quote or line break,
  // quotes doubled. The BOM lets Excel read the file as UTF-8; the import skips it.
  return (
    "\uFEFF" +
    Papa.unparse({ fields: [...CSV_HEADER], data: rows }, { newline: "\r\n", quotes: false, escapeFormulae: FORMULA_START }) +
    "\r\n"
  );
}
