import { ImportFileError } from "./errors";

export type TextEncodingName = "utf-8" | "utf-8 with BOM" | "windows-1252" | "utf-16le" | "utf-16be";

const NOT_TEXT =
  "This file doesn't look like a contact list: it holds binary data, not text. Export your contacts as CSV or vCard and try that file.";

/** Signatures of files people pick by mistake, with what to do instead. */
const MAGIC: { bytes: number[]; message: string }[] = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    message:
      "This is a spreadsheet workbook or a zip archive, not a CSV. In Excel, Numbers or Google Sheets, save it as CSV (UTF-8) and import that file. (A LinkedIn download is a zip: unzip it and pick Connections.csv.)",
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    message: "This is an Excel workbook, not a CSV. In Excel, choose File → Save As → CSV UTF-8 and import that file.",
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], message: "This is a PDF, not a contact list. Export your contacts as CSV or vCard." },
  { bytes: [0x89, 0x50, 0x4e, 0x47], message: "This is an image, not a contact list. Export your contacts as CSV or vCard." },
  { bytes: [0xff, 0xd8, 0xff], message: "This is an image, not a contact list. Export your contacts as CSV or vCard." },
  { bytes: [0x47, 0x49, 0x46, 0x38], message: "This is an image, not a contact list. Export your contacts as CSV or vCard." },
  { bytes: [0x1f, 0x8b], message: "This is a compressed archive. Unpack it first, then import the CSV or vCard inside." },
];

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/**
 * Bytes → text. UTF-8 with or without a BOM; UTF-16 when a BOM says so (Excel's "Unicode
 * text"); anything that is not valid UTF-8 is read as Windows-1252, which older Excel and
 * Outlook write. Binary files are refused rather than read as gibberish.
 */
export function decodeImportBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  for (const m of MAGIC) if (startsWith(bytes, m.bytes)) throw new ImportFileError(m.message);

  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    let text: string;
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      throw new ImportFileError("This file says it is UTF-16 text, but some of it is broken. Save it again as CSV (UTF-8).");
    }
    checkText(text);
    return { text, encoding };
  }

  // A NUL byte never appears in UTF-8 or Windows-1252 text.
  if (bytes.includes(0)) throw new ImportFileError(NOT_TEXT);

  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  try {
    // TextDecoder drops the BOM itself (ignoreBOM defaults to false).
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    checkText(text);
    return { text, encoding: bom ? "utf-8 with BOM" : "utf-8" };
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    if (bom) {
      throw new ImportFileError(
        "This file says it is UTF-8, but some characters in it are broken. Export it again, or save it as CSV (UTF-8).",
      );
    }
  }
  const text = fromWindows1252(bytes);
  // Five byte values have no character in Windows-1252; decoders map them to C1 controls.
  if (/[\u0081\u008d\u008f\u0090\u009d]/.test(text)) {
    throw new ImportFileError(
      "We couldn't tell how this file's text is encoded: it is neither UTF-8 nor Windows-1252. Save it as CSV (UTF-8) and try again.",
    );
  }
  checkText(text);
  return { text, encoding: "windows-1252" };
}

/**
 * Text files have few control characters; binary data read as text has many (and nearly
 * always a NUL, caught before). The bar is high enough for a contact whose name someone
 * typed with a stray control character to survive its own export.
 */
function checkText(text: string): void {
  const sample = text.slice(0, 65_536);
  if (sample.includes("\u0000")) throw new ImportFileError(NOT_TEXT);
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > Math.max(8, sample.length / 10)) throw new ImportFileError(NOT_TEXT);
}

// Bytes 0x80–0x9F of Windows-1252 (the WHATWG index). Node 20's TextDecoder reads them as
// Latin-1 control characters instead (nodejs/node#56542), losing € ‘ ’ “ ” – — and friends.
// The five undefined bytes stay control characters, which decodeImportBytes refuses.
const C1 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

export function fromWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252").decode(bytes).replace(/[\u0080-\u009f]/g, (c) => C1[c.charCodeAt(0) - 0x80] ?? c);
}
