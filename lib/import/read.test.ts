import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ImportFileError, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, readImportFile, readImportFileAsync, type ParsedImport } from "@/lib/import";

const FIXTURES = path.join(import.meta.dirname, "fixtures");
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(FIXTURES, name)));
const read = (name: string, options?: Parameters<typeof readImportFile>[2]) => readImportFile(fixture(name), name, options);
const utf8 = (s: string) => new TextEncoder().encode(s);

/** A candidate by name, as the contact form would hold it. */
function person(parsed: ParsedImport, name: string) {
  const c = parsed.candidates.find((x) => x.input.name === name);
  if (!c) throw new Error(`${name} not among ${parsed.candidates.map((x) => x.input.name).join(", ")}`);
  return c;
}

function refused(bytes: Uint8Array, name: string): string {
  try {
    readImportFile(bytes, name);
  } catch (err) {
    expect(err).toBeInstanceOf(ImportFileError);
    return (err as Error).message;
  }
  throw new Error(`${name} was not refused`);
}

describe("LinkedIn Connections.csv", () => {
  const parsed = read("linkedin-connections.csv");

  it("finds the header below LinkedIn's notes lines and reads every connection", () => {
    expect(parsed).toMatchObject({ format: "linkedin", formatLabel: "LinkedIn connections", encoding: "utf-8", needsMapping: false, total: 6 });
    expect(parsed.rejected).toEqual([]);
    expect(parsed.candidates.map((c) => c.input.name)).toEqual([
      "Amara Okafor",
      "José García Márquez",
      "Zoë Lindqvist",
      "Wei Zhang",
      "Priya Raman",
      "Tomás O'Neill",
    ]);
    // Rows are numbered as a spreadsheet shows them: the header is on row 4.
    expect(parsed.candidates[0]?.where).toBe("Row 5");
  });

  it("keeps every field, quoted commas and doubled quotes included, and when you connected", () => {
    expect(person(parsed, "Amara Okafor")).toMatchObject({
      input: {
        emails: ["amara.okafor@example.com"],
        company: "Lagos Health Tech",
        title: "Head of Product",
        url: "https://www.linkedin.com/in/amara-okafor-12ab34",
      },
      connectedOn: "2023-11-05",
      warnings: [],
    });
    expect(person(parsed, "José García Márquez")).toMatchObject({ input: { emails: [], company: "Acme, Inc." }, connectedOn: "2023-10-17" });
    expect(person(parsed, "Zoë Lindqvist").input.title).toBe("Partner, Early Stage");
    expect(person(parsed, "Wei Zhang").input).toMatchObject({ title: 'Chief "Everything" Officer', emails: ["wei.zhang@example.org"] });
    expect(person(parsed, "Priya Raman")).toMatchObject({ input: { company: null, title: null }, connectedOn: "2020-03-14" });
  });

  it("reads the same with a BOM, with CRLF line ends and in Windows-1252", () => {
    const text = fs.readFileSync(path.join(FIXTURES, "linkedin-connections.csv"), "utf8");
    const variants = [
      readImportFile(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), "Connections.csv"),
      readImportFile(utf8(text.replace(/\n/g, "\r\n")), "Connections.csv"),
      readImportFile(toCp1252(text), "Connections.csv"),
    ];
    expect(variants.map((v) => v.encoding)).toEqual(["utf-8 with BOM", "utf-8", "windows-1252"]);
    for (const v of variants) expect(v.candidates.map((c) => [c.input, c.connectedOn])).toEqual(parsed.candidates.map((c) => [c.input, c.connectedOn]));
  });
});

/** Windows-1252 bytes of text that only uses Latin-1 letters plus the characters 0x80–0x9F stand for. */
function toCp1252(text: string): Uint8Array {
  const extra: Record<string, number> = { "€": 0x80, "–": 0x96, "—": 0x97, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94 };
  return new Uint8Array([...text].map((ch) => extra[ch] ?? ch.charCodeAt(0)));
}

describe("Google Contacts CSV", () => {
  const parsed = read("google-contacts.csv");

  it("maps Google's columns: names, every e-mail, first phone, organisation, labels, address, website, notes", () => {
    expect(parsed).toMatchObject({ format: "google", needsMapping: false, total: 3 });
    expect(person(parsed, "Grace Brewster Hopper")).toMatchObject({
      input: {
        emails: ["grace@navy.example", "grace.hopper@home.example"],
        phone: "+1 202 555 0143",
        company: "Naval Reserve",
        title: "Computer Scientist",
        location: "Arlington, VA, US",
        url: "https://www.linkedin.com/in/gracehopper",
        // Google's own groups (* myContacts, * starred) are not the user's tags.
        tags: ["Mentors", "Navy"],
      },
      note: "Loves nanosecond wires.\nAsk about the moth.",
    });
    // Several addresses in one cell, separated by " ::: ".
    expect(person(parsed, "Alan Turing").input).toMatchObject({
      emails: ["alan@bletchley.example", "a.turing@bletchley.example"],
      location: "Wilmslow, UK",
      tags: [],
    });
  });

  it("rejects a row with no name, saying so", () => {
    expect(parsed.rejected).toEqual([{ where: "Row 4", name: "", reason: "No name in this row." }]);
  });

  it("reads Google's older header (Name, Given Name … Organization 1 - Name)", () => {
    const csv = [
      "Name,Given Name,Family Name,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Name,Organization 1 - Title",
      "Katherine Johnson,Katherine,Johnson,* myContacts ::: NASA,* Work,kj@nasa.example,Mobile,+1 757 555 0100,Langley,Mathematician",
    ].join("\n");
    const p = readImportFile(utf8(csv), "google.csv");
    expect(p.format).toBe("google");
    expect(p.candidates[0]?.input).toMatchObject({
      name: "Katherine Johnson",
      emails: ["kj@nasa.example"],
      phone: "+1 757 555 0100",
      company: "Langley",
      title: "Mathematician",
      tags: ["NASA"],
    });
  });
});

describe("Outlook CSV in Windows-1252", () => {
  const parsed = read("outlook-contacts.csv");

  it("decodes Windows-1252 (umlauts, accents and the euro sign)", () => {
    expect(parsed).toMatchObject({ format: "outlook", encoding: "windows-1252", total: 2 });
    expect(person(parsed, "Jürgen Müller").note).toBe("Kauft Brötchen für 5 €, möchte nach Lyon.");
  });

  it("takes Job Title as the title (Outlook's Title is Mr/Ms), the business address, categories and hobby", () => {
    expect(person(parsed, "Jürgen Müller").input).toMatchObject({
      company: "Bäckerei Müller GmbH",
      title: "Geschäftsführer",
      location: "München, Bayern, Deutschland",
      emails: ["j.mueller@baeckerei.example"],
      phone: "+49 89 1234-0",
      tags: ["Kunden", "Bäcker"],
      interests: "Radfahren",
      url: "https://www.baeckerei.example",
    });
    expect(person(parsed, "Chloé Dubois").input).toMatchObject({
      title: "Gérante",
      emails: ["chloe@cafe-creme.example", "chloe.dubois@gmail.example"],
      location: "Lyon, France",
    });
  });
});

describe("any other CSV, through a column mapping", () => {
  it("asks for a mapping first, with a guess and samples of each column", () => {
    const parsed = read("custom-mapping.csv");
    expect(parsed).toMatchObject({ format: "custom", encoding: "utf-8 with BOM", needsMapping: true, total: 3 });
    expect(parsed.columns?.map((c) => [c.header, c.field])).toEqual([
      ["Who", null],
      ["Mail", "emails"],
      ["Employer", "company"],
      ["Phone number", "phone"],
      ["Where", null],
      ["Met at", null],
      ["Notes", "note"],
    ]);
    expect(parsed.columns?.[0]?.samples).toEqual(["Ngozi Adichie", "Björn Ek", "Santos; Maria"]);
  });

  it("reads every row through the mapping the person chose (semicolon-separated, quoted semicolons kept)", () => {
    const parsed = read("custom-mapping.csv", { mapping: ["name", "emails", "company", "phone", "location", "howWeMet", "note"] });
    expect(parsed.needsMapping).toBe(false);
    expect(parsed.rejected).toEqual([]);
    expect(person(parsed, "Ngozi Adichie")).toMatchObject({
      input: { emails: ["ngozi@example.ng"], company: "Lagos Review", phone: "+234 1 555 0199", location: "Lagos, Nigeria", howWeMet: "Book fair 2023" },
      note: "Wants an intro to a publisher",
    });
    expect(person(parsed, "Björn Ek").input).toMatchObject({ location: "Göteborg", company: null, howWeMet: "Climate meetup" });
    expect(person(parsed, "Santos; Maria").input.company).toBe("Praia; Co");
  });

  it("refuses a mapping that does not fit the file", () => {
    expect(() => read("custom-mapping.csv", { mapping: ["name"] })).toThrow(/Choose the columns again/);
  });
});

describe("vCard", () => {
  it("2.1: quoted-printable UTF-8 with soft line breaks, a base64 photo, the preferred phone", () => {
    const parsed = read("contacts-v21.vcf");
    expect(parsed).toMatchObject({ format: "vcard", total: 2, rejected: [] });
    expect(person(parsed, "Jürgen Müller-Lüdenscheidt")).toMatchObject({
      input: { company: "Straßenbau Nord", phone: "+49 171 5550100", emails: ["juergen@strassenbau.example"] },
      note: "Trifft man beim Segeln an der Alster. Sucht eine Nachfolgerin für die Planung – fragt nach Empfehlungen.",
    });
    expect(person(parsed, "Kenji Nakamura").input).toMatchObject({ title: "Product Lead", location: "Tokyo, Japan" });
  });

  it("2.1 without FN: the name comes from N", () => {
    const card = ["BEGIN:VCARD", "VERSION:2.1", "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=96zt=C3=BCrk;Ay=C5=9Fe;;;", "END:VCARD", ""].join("\r\n");
    expect(readImportFile(utf8(card), "a.vcf").candidates[0]?.input.name).toBe("Ayşe Öztürk");
  });

  it("3.0 (Apple): item1. groups, escaped \\, \\; \\n and \\\\, a folded note, a photo, the LinkedIn URL first", () => {
    const parsed = read("contacts-v30.vcf");
    expect(parsed).toMatchObject({ total: 2, rejected: [] });
    expect(person(parsed, "Dr. Adaeze Okonkwo")).toMatchObject({
      input: {
        company: "Okonkwo, Bello & Partners",
        title: "Managing Partner",
        emails: ["adaeze@okonkwo-bello.example", "ada.okonkwo@mail.example"],
        phone: "+234 803 555 0110",
        location: "Lagos, Lagos State, Nigeria",
        url: "https://www.linkedin.com/in/adaezeokonkwo",
        tags: ["Legal", "Mentors"],
      },
      note:
        "Met at the Lagos arbitration summit; she chaired the panel on cross-border disputes.\n" +
        "Looking for: a partner in Nairobi, ideally with energy-sector experience. Loves jollof debates.",
    });
    expect(person(parsed, "Lena Berg").note).toBe("Backslash \\ stays, and so does this.");
  });

  it("4.0: tel: URIs, PREF, several e-mails, emoji; a group card is left out with its reason", () => {
    const parsed = read("contacts-v40.vcf");
    expect(person(parsed, "Marie Curie").input).toMatchObject({
      emails: ["marie@radium.example", "m.curie@home.example"],
      phone: "+33-6-5555-0102",
      company: "Institut du Radium",
      location: "Paris, France",
      tags: ["science", "nobel"],
    });
    expect(person(parsed, "Émile Zola 🖋").input.emails).toEqual(["emile@example.fr"]);
    expect(parsed.rejected).toEqual([{ where: "Card 2", name: "", reason: "This card is a group, not a person." }]);
  });

  it("reads files with bare LF line ends and leaves out a damaged card, saying which", () => {
    const text = ["BEGIN:VCARD", "VERSION:3.0", "FN:Ok Person", "END:VCARD", "BEGIN:VCARD", "VERSION:3.0", "FN:Cut off"].join("\n");
    const parsed = readImportFile(utf8(text), "cards.vcf");
    expect(parsed.candidates.map((c) => c.input.name)).toEqual(["Ok Person"]);
    expect(parsed.rejected).toEqual([{ where: "Card 2", name: "", reason: expect.stringMatching(/damaged/) }]);
  });
});

describe("a value that is not valid costs that value, not the person", () => {
  it("drops a bad e-mail, phone or date with a warning and keeps the rest", () => {
    const csv = ["Name,Email,Phone,Connected On,Company", "Ada Lovelace,not-an-address; ada@example.com,call me maybe,sometime,Analytical"].join("\n");
    const [c] = readImportFile(utf8(csv), "x.csv", { mapping: ["name", "emails", "phone", "connectedOn", "company"] }).candidates;
    expect(c?.input).toMatchObject({ name: "Ada Lovelace", emails: ["ada@example.com"], phone: null, company: "Analytical" });
    expect(c?.connectedOn).toBeNull();
    expect(c?.warnings).toEqual([
      "Left out “not-an-address”: not an e-mail address.",
      "Left out the phone “call me maybe”: Use digits, spaces and + ( ) - . only.",
      "Left out the date connected “sometime”: not a date we could read.",
    ]);
  });

  it("rejects a name that is too long, with the form's message", () => {
    const csv = `Name\n${"x".repeat(201)}\n`;
    expect(readImportFile(utf8(csv), "x.csv", { mapping: ["name"] }).rejected[0]?.reason).toBe("Keep the name under 200 characters.");
  });
});

describe("files refused as a whole", () => {
  it("a file over 10 MB", () => {
    expect(refused(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41), "big.csv")).toMatch(/10\.0 MB; one import takes up to 10 MB/);
  });

  it("more than 50,000 rows, or 50,000 cards", () => {
    const rows = `First Name,Last Name\n${"A,B\n".repeat(MAX_IMPORT_ROWS + 1)}`;
    expect(refused(utf8(rows), "many.csv")).toBe(
      "This file has 50,001 rows; one import takes up to 50,000. Split it into smaller files and import them one after another.",
    );
    const cards = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n".repeat(MAX_IMPORT_ROWS + 1);
    expect(refused(utf8(cards), "many.vcf")).toMatch(/50,001 cards/);
  });

  it("binary data renamed .csv, an image, a workbook", () => {
    const binary = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(refused(binary, "contacts.csv")).toMatch(/binary data, not text/);
    expect(refused(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]), "contacts.csv")).toMatch(/an image/);
    expect(refused(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]), "Connections.csv")).toMatch(/save it as CSV|unzip/);
    // Control characters without a NUL are still not text.
    expect(refused(new Uint8Array(2000).map((_, i) => 1 + (i % 30)), "contacts.csv")).toMatch(/binary data/);
  });

  it("a file that is not what its name says", () => {
    expect(refused(fixture("linkedin-connections.csv"), "contacts.vcf")).toMatch(/named \.vcf but holds no vCards/);
    expect(refused(fixture("contacts-v30.vcf"), "contacts.csv")).toMatch(/named \.csv but holds vCards/);
    expect(refused(fixture("linkedin-connections.csv"), "contacts.xlsx")).toMatch(/not \.xlsx/);
  });

  it("broken encodings", () => {
    // Bytes with no character in Windows-1252, and not UTF-8 either.
    expect(refused(new Uint8Array([...utf8("Name\nAda "), 0x81, 0x8d, 0x0a]), "x.csv")).toMatch(/neither UTF-8 nor Windows-1252/);
    // A UTF-8 BOM promises UTF-8; a broken sequence after it is not quietly read as something else.
    expect(refused(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Name\nAda "), 0xc3, 0x28, 0x0a]), "x.csv")).toMatch(/says it is UTF-8/);
  });

  it("an empty file, a header without rows, a quote that never closes", () => {
    expect(refused(new Uint8Array(), "x.csv")).toBe("This file is empty.");
    expect(refused(utf8("First Name,Last Name,Connected On,Company\n"), "x.csv")).toMatch(/nobody in it/);
    expect(refused(utf8('Name,Company\nAda,"Analytical\nGrace,Navy\n'), "x.csv")).toMatch(/quotation mark that never closes/);
  });
});

describe("UTF-16 (Excel's Unicode text)", () => {
  it("reads a file with a UTF-16 BOM", () => {
    const text = "Name\tE-mail\r\nSøren Kierkegaard\tsoren@example.dk\r\n";
    const bytes = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, "utf16le"))]);
    const parsed = readImportFile(bytes, "contacts.txt");
    expect(parsed.encoding).toBe("utf-16le");
    expect(parsed.candidates[0]?.input).toMatchObject({ name: "Søren Kierkegaard", emails: ["soren@example.dk"] });
  });
});

describe("the server's reader", () => {
  it("yields to the event loop on a long file and reads exactly what the plain reader reads", async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => `Person,${i},https://www.linkedin.com/in/p${i},p${i}@example.com,Co,Role,05 Nov 2023`);
    const bytes = utf8(["First Name,Last Name,URL,Email Address,Company,Position,Connected On", ...rows, ",,,,,,"].join("\n"));
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const parsed = await readImportFileAsync(bytes, "Connections.csv");
    clearInterval(timer);
    expect(parsed).toEqual(readImportFile(bytes, "Connections.csv"));
    expect(parsed.candidates).toHaveLength(5000);
    expect(ticks).toBeGreaterThan(0);
    for (const name of ["contacts-v21.vcf", "custom-mapping.csv"]) expect(await readImportFileAsync(fixture(name), name)).toEqual(read(name));
  });
});
