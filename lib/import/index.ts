import { CSV_FORMAT_LABELS, readCsv, type CsvFormat } from "./csv";
import { decodeImportBytes, type TextEncodingName } from "./decode";
import { ImportFileError } from "./errors";
import { IMPORT_FIELDS, type ImportField, type RawRecord } from "./fields";
import { MAX_IMPORT_BYTES } from "./limits";
import { normalizeRecord, type Candidate, type Rejected } from "./normalize";
import { readVcards } from "./vcard";

export { ImportFileError } from "./errors";
export { IMPORT_FIELDS, FIELD_LABELS, type ImportField } from "./fields";
export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from "./limits";
export type { Candidate, Rejected } from "./normalize";

export type ImportFormat = CsvFormat | "vcard";

export type ParsedImport = {
  format: ImportFormat;
  formatLabel: string;
  encoding: TextEncodingName;
  /** CSV only: each column, what it maps to and a few of its values. */
  columns: { header: string; field: ImportField | null; samples: string[] }[] | null;
  /** A CSV we do not recognise: the person confirms which column is which before anything else. */
  needsMapping: boolean;
  candidates: Candidate[];
  rejected: Rejected[];
  /** People in the file (rows or cards), rejected ones included. */
  total: number;
};

const EXTENSIONS: Record<string, "csv" | "vcard"> = { csv: "csv", txt: "csv", tsv: "csv", vcf: "vcard", vcard: "vcard" };

type Read = { head: Omit<ParsedImport, "candidates" | "rejected" | "total">; records: RawRecord[]; rejected: Rejected[] };

/**
 * Reads an uploaded file: checks its size, sniffs that it is text (and which encoding),
 * checks it is what its name says, and turns every row or card into a validated candidate or
 * a rejection with its reason. Throws ImportFileError for a file refused as a whole.
 */
export function readImportFile(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): ParsedImport {
  const read = readRecords(bytes, fileName, options);
  const out = start(read);
  for (const r of read.records) take(out, r);
  return out;
}

/**
 * The same, for a server: validating 50,000 rows takes seconds of CPU, so it yields to the
 * event loop every few thousand rows and other requests keep being answered meanwhile.
 */
export async function readImportFileAsync(bytes: Uint8Array, fileName: string, options: ReadOptions = {}): Promise<ParsedImport> {
  const read = readRecords(bytes, fileName, options);
  const out = start(read);
  for (let i = 0; i < read.records.length; i++) {
    if (i > 0 && i % 2000 === 0) await new Promise((resolve) => setImmediate(resolve));
    const r = read.records[i];
    if (r) take(out, r);
  }
  return out;
}

type ReadOptions = { mapping?: readonly (ImportField | null)[] };

function readRecords(bytes: Uint8Array, fileName: string, options: ReadOptions): Read {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new ImportFileError(
      `This file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; one import takes up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.`,
    );
  }
  if (bytes.byteLength === 0) throw new ImportFileError("This file is empty.");
  const ext = /\.([a-z0-9]+)$/i.exec(fileName.trim())?.[1]?.toLowerCase() ?? "";
  const named = EXTENSIONS[ext];
  if (!named) {
    throw new ImportFileError(
      `Mutual imports CSV (.csv) and vCard (.vcf) files${ext ? `, not .${ext}` : ""}. Export your contacts in one of those.`,
    );
  }
  const { text, encoding } = decodeImportBytes(bytes);
  const isVcard = /^\s*BEGIN:VCARD/i.test(text);
  if (named === "vcard" && !isVcard) {
    throw new ImportFileError("This file is named .vcf but holds no vCards (it should start with BEGIN:VCARD). Is it the right file?");
  }
  if (named === "csv" && isVcard) {
    throw new ImportFileError("This file is named .csv but holds vCards. Rename it to .vcf and import it again.");
  }

  if (isVcard) {
    const { records, rejected } = readVcards(text);
    return { head: { format: "vcard", formatLabel: "vCard", encoding, columns: null, needsMapping: false }, records, rejected };
  }

  const mapping = options.mapping?.map((f) => (f && (IMPORT_FIELDS as readonly string[]).includes(f) ? f : null));
  const csv = readCsv(text, mapping);
  const hasName = csv.mapping.some((f) => f === "name" || f === "firstName" || f === "lastName");
  return {
    head: {
      format: csv.format,
      formatLabel: CSV_FORMAT_LABELS[csv.format],
      encoding,
      columns: csv.headers.map((header, i) => ({ header, field: csv.mapping[i] ?? null, samples: csv.samples[i] ?? [] })),
      needsMapping: !hasName || (csv.format === "custom" && !mapping),
    },
    records: csv.records,
    rejected: [],
  };
}

function start(read: Read): ParsedImport {
  return { ...read.head, candidates: [], rejected: [...read.rejected], total: read.records.length + read.rejected.length };
}

function take(out: ParsedImport, record: RawRecord): void {
  const n = normalizeRecord(record);
  if (n.ok) out.candidates.push(n.candidate);
  else out.rejected.push(n.rejected);
}
