import VCard from "vcf";
import quotedPrintable from "quoted-printable";
import { ImportFileError } from "./errors";
import { addValue, emptyRecord, type ImportField, type RawRecord } from "./fields";
import { MAX_IMPORT_ROWS } from "./limits";

type Property = InstanceType<typeof VCard.Property>;

export type VcardRead = { records: RawRecord[]; rejected: { where: string; name: string; reason: string }[] };

/** Mutual's own properties, written by lib/export/vcard.ts so a round trip keeps every field. */
const OWN: Record<string, ImportField> = {
  xMutualHowWeMet: "howWeMet",
  xMutualInterests: "interests",
  xMutualNeeds: "needs",
  xMutualOffers: "offers",
  xMutualCadence: "cadence",
  xMutualConnectedOn: "connectedOn",
  xMutualArchived: "archived",
};

/**
 * Reads a file of vCards 2.1, 3.0 or 4.0 with the `vcf` parser, which splits cards, unfolds
 * lines and parses names, groups (Apple's `item1.`) and parameters. What it leaves raw is
 * decoded here: quoted-printable values (with their CHARSET), backslash escapes and the
 * components of structured values. Photos and other binary properties are skipped.
 */
export function readVcards(text: string): VcardRead {
  const normalised = joinQuotedPrintableSoftBreaks(text.replace(/\r\n|\r|\n/g, "\r\n"));
  const chunks = normalised.split(/(?=^BEGIN:VCARD)/gim).filter((c) => /^BEGIN:VCARD/i.test(c));
  if (chunks.length === 0) throw new ImportFileError("This file has no vCards in it (no BEGIN:VCARD line).");
  if (chunks.length > MAX_IMPORT_ROWS) {
    throw new ImportFileError(
      `This file has ${chunks.length.toLocaleString("en")} cards; one import takes up to ${MAX_IMPORT_ROWS.toLocaleString("en")}. Split it into smaller files and import them one after another.`,
    );
  }
  const records: RawRecord[] = [];
  const rejected: VcardRead["rejected"] = [];
  chunks.forEach((chunk, i) => {
    const where = `Card ${i + 1}`;
    try {
      const card = new VCard().parse(chunk);
      const record = recordOf(card, where);
      if (record) records.push(record);
      else rejected.push({ where, name: "", reason: "This card is a group, not a person." });
    } catch {
      rejected.push({ where, name: "", reason: "This card is damaged (it has no END:VCARD or no VERSION), so it was left out." });
    }
  });
  return { records, rejected };
}

/**
 * vCard 2.1 quoted-printable values wrap with a trailing "=" and go on at the start of the next
 * line (no leading space, so ordinary unfolding misses them): join those lines first.
 */
function joinQuotedPrintableSoftBreaks(text: string): string {
  const lines = text.split("\r\n");
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] ?? "";
    const colon = line.indexOf(":");
    if (colon > 0 && /QUOTED-PRINTABLE/i.test(line.slice(0, colon))) {
      while (line.endsWith("=") && i + 1 < lines.length) line = line.slice(0, -1) + (lines[++i] ?? "");
    }
    out.push(line);
  }
  return out.join("\r\n");
}

function propertiesOf(card: VCard): [string, Property][] {
  const out: [string, Property][] = [];
  for (const [key, value] of Object.entries(card.data)) {
    for (const p of Array.isArray(value) ? value : [value]) {
      if (p instanceof VCard.Property) out.push([key, p]);
    }
  }
  return out;
}

function paramList(p: Property, name: string): string[] {
  const v = p[name];
  if (typeof v === "string") return [v.toLowerCase()];
  if (Array.isArray(v)) return v.filter((x): x is string => typeof x === "string").map((x) => x.toLowerCase());
  return [];
}

/** The property's value as text: quoted-printable decoded in its charset. Escapes are left for the caller. */
function rawValue(p: Property): string {
  const v = typeof p._data === "string" ? p._data : "";
  const qp = paramList(p, "encoding").includes("quoted-printable") || paramList(p, "type").includes("quoted-printable");
  if (!qp) return v;
  const bytes = Buffer.from(quotedPrintable.decode(v), "latin1");
  const charset = paramList(p, "charset")[0] ?? "utf-8";
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

/** Splits on `sep` where it is not escaped with a backslash. */
function splitUnescaped(value: string, sep: ";" | ","): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === "\\" && i + 1 < value.length) {
      current += ch + value[++i];
    } else if (ch === sep) {
      parts.push(current);
      current = "";
    } else {
      current += ch;
    }
  }
  parts.push(current);
  return parts;
}

/** RFC 6350 §3.4 text escapes: \n (or \N) is a line break, \, \; \\ stand for themselves. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\:])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}

const text = (p: Property) => unescapeText(rawValue(p));
const components = (p: Property) => splitUnescaped(rawValue(p), ";").map(unescapeText);

const isPreferred = (p: Property) => paramList(p, "type").includes("pref") || paramList(p, "pref").length > 0;

function recordOf(card: VCard, where: string): RawRecord | null {
  const record = emptyRecord(where);
  const props = propertiesOf(card);
  const phones: Property[] = [];
  const addresses: Property[] = [];
  const urls: string[] = [];
  for (const [key, p] of props) {
    switch (key) {
      case "kind":
        if (text(p).trim().toLowerCase() === "group") return null;
        break;
      case "fn":
        addValue(record, "name", text(p));
        break;
      case "n": {
        const [family = "", given = "", additional = ""] = components(p);
        addValue(record, "firstName", given);
        addValue(record, "middleName", additional);
        addValue(record, "lastName", family);
        break;
      }
      case "email":
        addValue(record, "emails", text(p).replace(/^mailto:/i, ""));
        break;
      case "tel":
        phones.push(p);
        break;
      case "org":
        addValue(record, "company", components(p)[0] ?? "");
        break;
      case "title":
        addValue(record, "title", text(p));
        break;
      case "adr":
        addresses.push(p);
        break;
      case "url":
        urls.push(text(p).trim());
        break;
      case "categories":
        for (const tag of splitUnescaped(rawValue(p), ",")) addValue(record, "tags", unescapeText(tag), { tagSeparator: null });
        break;
      case "note":
        addValue(record, "note", text(p));
        break;
      default: {
        const own = OWN[key];
        if (own) addValue(record, own, text(p));
      }
    }
  }
  const phone = phones.find(isPreferred) ?? phones[0];
  if (phone) addValue(record, "phone", phoneOf(text(phone)));
  const adr = addresses.find(isPreferred) ?? addresses[0];
  if (adr) {
    const [, , , locality = "", region = "", , country = ""] = components(adr);
    addValue(record, "city", locality);
    addValue(record, "region", region);
    addValue(record, "country", country);
  }
  // Of several web addresses, the LinkedIn profile says most about how you know someone.
  const url = urls.find((u) => /linkedin\.com/i.test(u)) ?? urls.find(Boolean);
  if (url) addValue(record, "url", url);
  return record;
}

/** vCard 4.0 writes phones as tel: URIs ("tel:+1-555-0100;ext=12"). */
function phoneOf(value: string): string {
  const v = value.trim().replace(/^tel:/i, "");
  const [number = "", ...params] = v.split(";");
  const ext = params.find((x) => /^ext=/i.test(x));
  return ext ? `${number} ext ${ext.slice(4)}` : number;
}
