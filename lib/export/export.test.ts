import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { readImportFile } from "@/lib/import";
import { contactInputSchema, CADENCE_OPTIONS } from "@/lib/validation/contacts";
import { contactsToCsv, CSV_HEADER } from "./csv";
import type { ExportContact } from "./types";
import { contactsToVcard, foldLine } from "./vcard";

const utf8 = (s: string) => new TextEncoder().encode(s);

function contact(fields: Partial<ExportContact> = {}): ExportContact {
  return {
    id: "6f1c2b8e-2f43-4f51-9a57-0c8a4e1d2b3c",
    name: "Ada Lovelace",
    emails: [],
    phone: null,
    company: null,
    title: null,
    location: null,
    url: null,
    howWeMet: null,
    tags: [],
    interests: null,
    needs: null,
    offers: null,
    cadenceDays: 90,
    connectedOn: null,
    archived: false,
    ...fields,
  };
}

const full = contact({
  name: "Ada King, Countess of Lovelace",
  emails: ["ada@example.com", "countess@example.org"],
  phone: "+44 20 7946 0958",
  company: 'Analytical "Engines"; Babbage & Co',
  title: "=HYPERLINK(\"http://evil.example\",\"Click\")",
  location: "London, UK",
  url: "https://www.linkedin.com/in/ada",
  howWeMet: "A salon at Charles's;\nwe talked about looms",
  tags: ["founder", "maths;poetry", "-negative"],
  interests: "@mentions and poetical science",
  needs: "A working engine\nand a patron",
  offers: "Notes on Bernoulli numbers \\ tables",
  cadenceDays: null,
  connectedOn: "2013-06-05",
  archived: true,
});

/** What an import of `file` would create, in the shape the export writes. */
function reimport(file: string, name: string): Omit<ExportContact, "id">[] {
  const parsed = readImportFile(utf8(file), name);
  expect(parsed.rejected).toEqual([]);
  return parsed.candidates.map((c) => {
    expect(c.warnings).toEqual([]);
    const { cadence, ...rest } = c.input;
    return { ...rest, cadenceDays: cadence, connectedOn: c.connectedOn, archived: c.archived };
  });
}
const withoutId = ({ id: _id, ...rest }: ExportContact) => rest;

describe("CSV export", () => {
  it("is RFC 4180: CRLF records, quoted fields with commas, quotes and line breaks, doubled quotes", () => {
    const csv = contactsToCsv([full]);
    expect(csv.startsWith("\uFEFFName,E-mails,Phone,")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv).toContain('"Ada King, Countess of Lovelace"');
    expect(csv).toContain('"Analytical ""Engines""; Babbage & Co"');
    expect(csv).toContain('"A salon at Charles\'s;\nwe talked about looms"');
    const { data, errors } = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(errors).toEqual([]);
    expect(data[0]).toEqual([...CSV_HEADER]);
    expect(data).toHaveLength(2);
  });

  it("neutralises every cell a spreadsheet would run as a formula: = + - @ tab and carriage return", () => {
    const risky = ["=1+1", "+44 20", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "=cmd|' /C calc'!A0\nsecond line", "'=already quoted"];
    const csv = contactsToCsv(risky.map((name, i) => contact({ name, company: `Safe ${i}` })));
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data.slice(1);
    expect(rows.map((r) => r[0])).toEqual(risky.map((v) => `'${v}`));
    // What a spreadsheet sees in each cell never starts with a formula character.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[0]?.[3]).toBe("Safe 0");
  });

  it("reads back into the same contacts", () => {
    const contacts = [full, contact({ name: "Grace Hopper", emails: ["grace@navy.example"], cadenceDays: 30 }), contact({ name: "+1 Plus" })];
    expect(reimport(contactsToCsv(contacts), "export.csv")).toEqual(contacts.map(withoutId));
  });
});

describe("vCard 4.0 export", () => {
  it("writes standard properties other address books read, and Mutual's own for the rest", () => {
    const vcf = contactsToVcard([full]);
    const lines = vcf.replace(/\r\n /g, "").split("\r\n");
    expect(lines.slice(0, 2)).toEqual(["BEGIN:VCARD", "VERSION:4.0"]);
    expect(lines).toContain("FN:Ada King\\, Countess of Lovelace");
    expect(lines).toContain("N:Lovelace;Ada King\\, Countess of;;;");
    expect(lines).toContain("EMAIL;PREF=1:ada@example.com");
    expect(lines).toContain("TEL;VALUE=text:+44 20 7946 0958");
    expect(lines).toContain("ORG:Analytical \"Engines\"\\; Babbage & Co");
    expect(lines).toContain("CATEGORIES:founder,maths\\;poetry,-negative");
    expect(lines).toContain("X-MUTUAL-HOW-WE-MET:A salon at Charles's\\;\\nwe talked about looms");
    expect(lines).toContain("X-MUTUAL-CADENCE:none");
    expect(lines).toContain("X-MUTUAL-CONNECTED-ON:2013-06-05");
    expect(lines.at(-2)).toBe("END:VCARD");
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const long = `NOTE:${"ü🖋a".repeat(40)}`;
    const folded = foldLine(long);
    for (const l of folded.split("\r\n")) expect(Buffer.byteLength(l, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(long);
    expect(folded).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  it("reads back into the same contacts", () => {
    const contacts = [full, contact({ name: "Émile Zola 🖋", emails: ["emile@example.fr"], location: "Paris; Médan" })];
    expect(reimport(contactsToVcard(contacts), "export.vcf")).toEqual(contacts.map(withoutId));
  });
});

// Any contact the form accepts survives export → import in both formats. Line breaks come back
// as \n in vCard (it has one escape for them); the form's \r\n is the same text to a reader.
describe("round trips of random contacts", () => {
  const text = fc.string({ unit: "binary", maxLength: 40 });
  const formInput = fc.record({
    name: text,
    emails: fc.array(fc.emailAddress(), { maxLength: 3 }).map((a) => a.join(", ")),
    phone: fc.constantFrom("", "+44 20 7946 0958", "(555) 010-0100 ext 7", "030/1234.5"),
    company: text,
    title: text,
    location: text,
    url: fc.constantFrom("", "linkedin.com/in/x", "https://example.com/a,b;c?q=1&r=%20"),
    howWeMet: text,
    tags: fc.array(text, { maxLength: 4 }).map((t) => t.join(",")),
    interests: text,
    needs: text,
    offers: text,
    cadence: fc.constantFrom(...CADENCE_OPTIONS),
  });
  const contacts = fc
    .array(
      fc.tuple(formInput, fc.option(fc.date({ min: new Date("1950-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })), fc.boolean()),
      { minLength: 1, maxLength: 5 },
    )
    .map((items) =>
      items.flatMap(([form, date, archived]) => {
        const parsed = contactInputSchema.safeParse(form);
        if (!parsed.success) return [];
        const { cadence, ...rest } = parsed.data;
        return [{ id: "6f1c2b8e-2f43-4f51-9a57-0c8a4e1d2b3c", ...rest, cadenceDays: cadence, connectedOn: date ? date.toISOString().slice(0, 10) : null, archived }];
      }),
    )
    .filter((list) => list.length > 0);

  it("CSV", () => {
    fc.assert(
      fc.property(contacts, (list) => {
        expect(reimport(contactsToCsv(list), "export.csv")).toEqual(list.map(withoutId));
      }),
      { numRuns: 300 },
    );
  });

  it("vCard", () => {
    const lf = (v: string | null) => (v === null ? v : v.replace(/\r\n?/g, "\n"));
    fc.assert(
      fc.property(contacts, (list) => {
        const expected = list.map(withoutId).map((c) => ({
          ...c,
          name: lf(c.name) ?? "",
          company: lf(c.company),
          title: lf(c.title),
          location: lf(c.location),
          howWeMet: lf(c.howWeMet),
          interests: lf(c.interests),
          needs: lf(c.needs),
          offers: lf(c.offers),
          tags: c.tags.map((t) => lf(t) ?? ""),
        }));
        expect(reimport(contactsToVcard(list), "export.vcf")).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
