import Papa from "papaparse";
import { ImportFileError } from "./errors";
import { addValue, emptyRecord, guessMapping, type ImportField, type RawRecord } from "./fields";
import { MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from "./limits";

export type CsvFormat = "linkedin" | "google" | "outlook" | "mutual" | "custom";

export const CSV_FORMAT_LABELS: Record<CsvFormat, string> = {
  linkedin: "LinkedIn connections",
  google: "Google Contacts",
  outlook: "Outlook contacts",
  mutual: "Mutual export",
  custom: "CSV",
};

export type CsvRead = {
  format: CsvFormat;
  headers: string[];
  mapping: (ImportField | null)[];
  /** A few values per column, so the person choosing a mapping sees what each column holds. */
  samples: string[][];
  records: RawRecord[];
};

const norm = (h: string) => h.trim().toLowerCase().replace(/\s+/g, " ");

function formatOf(headerRow: readonly string[]): CsvFormat | null {
  const h = new Set(headerRow.map(norm));
  if (h.has("first name") && h.has("last name") && h.has("connected on") && (h.has("position") || h.has("company"))) {
    return "linkedin";
  }
  if (h.has("e-mail 1 - value") || (h.has("given name") && h.has("family name"))) return "google";
  if (h.has("e-mail address") && (h.has("job title") || h.has("e-mail display name"))) return "outlook";
  if (h.has("name") && h.has("e-mails") && h.has("keep in touch every (days)")) return "mutual";
  return null;
}

/** Where the header is: LinkedIn puts lines of notes above it, so it is not always the first row. */
function findHeader(rows: string[][]): { index: number; format: CsvFormat } {
  const limit = Math.min(rows.length, 20);
  for (let i = 0; i < limit; i++) {
    const format = formatOf(rows[i] ?? []);
    if (format) return { index: i, format };
  }
  const filled = (r: string[] | undefined) => (r ?? []).filter((c) => c.trim() !== "").length;
  for (let i = 0; i < limit; i++) if (filled(rows[i]) >= 2) return { index: i, format: "custom" };
  for (let i = 0; i < limit; i++) if (filled(rows[i]) >= 1) return { index: i, format: "custom" };
  throw new ImportFileError("This file is empty: there is no header row and nobody in it.");
}

/**
 * A spreadsheet-safe export writes =… as '=… (see lib/export/csv.ts); reading it back drops
 * that one apostrophe again, so a phone number like +44 … survives the round trip.
 */
export function unneutralise(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/**
 * Reads a CSV with papaparse (delimiter detected: comma, semicolon or tab), finds the header
 * and the format, and turns each row into a RawRecord through the column mapping — the one
 * given, or the one guessed from the headers.
 */
export function readCsv(text: string, mapping?: readonly (ImportField | null)[]): CsvRead {
  // Papa guesses the delimiter from the first rows; blank lines (LinkedIn has one above its
  // header) throw the guess off, so it guesses on the non-blank ones and parses with that.
  const guess = Papa.parse<string[]>(text, { skipEmptyLines: "greedy", preview: 30, delimitersToGuess: [",", ";", "\t", "|"] });
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: guess.meta.delimiter || "," });
  const unclosed = parsed.errors.find((e) => e.code === "MissingQuotes");
  if (unclosed) {
    throw new ImportFileError(
      `Row ${(unclosed.row ?? 0) + 1} opens a quotation mark that never closes, so the rest of the file can't be read. The file may be cut off — export it again.`,
    );
  }
  const rows = parsed.data;
  const { index, format } = findHeader(rows);
  const headerRow = rows[index] ?? [];
  // A trailing delimiter leaves unnamed columns; name them so a mapping can still point at them.
  const headers = headerRow.map((h, i) => h.trim() || `Column ${i + 1}`);
  while (headers.length > 1 && !headerRow[headers.length - 1]?.trim() && allEmpty(rows, index + 1, headers.length - 1)) {
    headers.pop();
  }
  if (headers.length > MAX_IMPORT_COLUMNS) {
    throw new ImportFileError(`This file has ${headers.length} columns; a contact list has far fewer. Is it the right file?`);
  }

  const dataRows: { index: number; cells: string[] }[] = [];
  for (let i = index + 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    if (cells.some((c) => c.trim() !== "")) dataRows.push({ index: i, cells });
  }
  if (dataRows.length > MAX_IMPORT_ROWS) {
    throw new ImportFileError(
      `This file has ${dataRows.length.toLocaleString("en")} rows; one import takes up to ${MAX_IMPORT_ROWS.toLocaleString("en")}. Split it into smaller files and import them one after another.`,
    );
  }
  if (dataRows.length === 0) throw new ImportFileError("This file has a header row but nobody in it.");

  let map: (ImportField | null)[];
  if (mapping) {
    if (mapping.length !== headers.length) {
      throw new ImportFileError("The column choices don't match this file. Choose the columns again.");
    }
    map = [...mapping];
  } else {
    map = guessMapping(headers);
  }

  const samples = headers.map((_, col) => {
    const seen: string[] = [];
    for (const r of dataRows) {
      const v = unneutralise(r.cells[col]?.trim() ?? "");
      if (v && !seen.includes(v)) seen.push(v.length > 60 ? `${v.slice(0, 57)}…` : v);
      if (seen.length === 3) break;
    }
    return seen;
  });

  // Mutual's own export separates tags with commas only: a tag may hold a semicolon.
  const tagSeparator = format === "mutual" ? /\s*,\s*/ : undefined;
  const records = dataRows.map(({ index: i, cells }) => {
    const record = emptyRecord(`Row ${i + 1}`);
    for (let col = 0; col < map.length; col++) {
      const field = map[col];
      const cell = cells[col];
      if (field && cell) addValue(record, field, unneutralise(cell.trim()), { tagSeparator });
    }
    if (format === "google") record.tags = googleLabels(record.tags);
    return record;
  });

  return { format, headers, mapping: map, samples, records };
}

function allEmpty(rows: string[][], from: number, col: number): boolean {
  for (let i = from; i < rows.length; i++) if (rows[i]?.[col]?.trim()) return false;
  return true;
}

/** Google marks its own groups with "* " ("* myContacts", "* starred"): those are not the user's labels. */
function googleLabels(tags: string[]): string[] {
  return tags.filter((t) => !/^\*\s*(mycontacts|starred)$/i.test(t)).map((t) => t.replace(/^\*\s+/, ""));
}
