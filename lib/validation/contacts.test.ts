import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  contactInputSchema,
  contactListQuerySchema,
  contactUpdateSchema,
  createNoteSchema,
  updateNoteSchema,
} from "./contacts";

/** What the contact form posts when only the name is filled in: every other field an empty string. */
const blank = {
  name: "Ada Lovelace",
  emails: "",
  phone: "",
  company: "",
  title: "",
  location: "",
  url: "",
  howWeMet: "",
  tags: "",
  interests: "",
  needs: "",
  offers: "",
  cadence: "90",
};

const parse = (fields: Record<string, unknown>) => contactInputSchema.parse({ ...blank, ...fields });

/** The messages shown beside each field, as the flattened action result carries them. */
function fieldErrors(fields: Record<string, unknown>): Record<string, string[] | undefined> {
  const r = contactInputSchema.safeParse({ ...blank, ...fields });
  return r.success ? {} : z.flattenError(r.error).fieldErrors;
}

describe("contactInputSchema", () => {
  it("turns an otherwise empty form into nulls, empty lists and the default cadence", () => {
    expect(contactInputSchema.parse(blank)).toEqual({
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
      cadence: 90,
    });
  });

  it("trims text and reads a blank field as empty", () => {
    expect(parse({ name: "  Ada  ", company: "  Analytical Engines ", title: "   " })).toMatchObject({
      name: "Ada",
      company: "Analytical Engines",
      title: null,
    });
  });

  it("requires a name", () => {
    expect(fieldErrors({ name: "   " })).toEqual({ name: ["Every contact needs a name."] });
    expect(contactInputSchema.safeParse({}).success).toBe(false);
  });

  it.each([
    ["name", 200, "Keep the name under 200 characters."],
    ["phone", 50, "Keep the phone number under 50 characters."],
    ["company", 200, "Keep the company under 200 characters."],
    ["title", 200, "Keep the title under 200 characters."],
    ["location", 200, "Keep the location under 200 characters."],
    ["howWeMet", 1000, "Keep how you met under 1000 characters."],
    ["interests", 2000, "Keep interests under 2000 characters."],
    ["needs", 2000, "Keep needs under 2000 characters."],
    ["offers", 2000, "Keep offers under 2000 characters."],
  ])("bounds %s at %i characters", (field, max, message) => {
    const text = (n: number) => (field === "phone" ? "1".repeat(n) : "a".repeat(n));
    expect(fieldErrors({ [field]: text(max) })).toEqual({});
    expect(fieldErrors({ [field]: text(max + 1) })).toEqual({ [field]: [message] });
  });

  describe("emails", () => {
    it("splits on commas, semicolons and new lines, lower-cases and de-duplicates", () => {
      expect(parse({ emails: "Ada@Example.com; grace@navy.example\n ada@example.COM ,," }).emails).toEqual([
        "ada@example.com",
        "grace@navy.example",
      ]);
    });

    it("refuses the list if one entry is not an address", () => {
      expect(fieldErrors({ emails: "ada@example.com, ada-at-example" })).toEqual({
        emails: ["One of these is not an e-mail address (name@example.com)."],
      });
    });

    it("keeps to 10 addresses", () => {
      const list = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@example.com`).join(", ");
      expect(parse({ emails: list(10) }).emails).toHaveLength(10);
      expect(fieldErrors({ emails: list(11) })).toEqual({ emails: ["Keep it to 10 e-mail addresses."] });
    });
  });

  describe("url", () => {
    it.each([
      ["linkedin.com/in/ada", "https://linkedin.com/in/ada"],
      ["  example.com  ", "https://example.com"],
      ["http://example.com/a?b=c", "http://example.com/a?b=c"],
      ["HTTPS://Example.com", "HTTPS://Example.com"],
    ])("accepts %j as %j", (input, stored) => {
      expect(parse({ url: input }).url).toBe(stored);
    });

    it.each(["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,<script>alert(1)</script>", "ftp://x.example", "https://", "not a url"])(
      "refuses %j",
      (input) => {
        expect(fieldErrors({ url: input })).toEqual({ url: ["Enter a web address like linkedin.com/in/name."] });
      },
    );

    it("bounds the link at 500 characters", () => {
      const url = (n: number) => `https://example.com/${"a".repeat(n - 20)}`;
      expect(parse({ url: url(500) }).url).toHaveLength(500);
      expect(fieldErrors({ url: url(501) }).url).toContain("Keep the link under 500 characters.");
    });
  });

  describe("phone", () => {
    it.each(["+44 (20) 7946-0958", "555.123.4567", "555 1234 ext. 12", "555 1234 x9"])("accepts %j", (phone) => {
      expect(parse({ phone }).phone).toBe(phone);
    });

    it.each(["call me", "0800 FLOWERS", "555-1234; drop table"])("refuses %j", (phone) => {
      expect(fieldErrors({ phone })).toEqual({ phone: ["Use digits, spaces and + ( ) - . only."] });
    });
  });

  describe("tags", () => {
    it("trims, drops empties and de-duplicates ignoring case, in the order first typed", () => {
      const { tags } = parse({ tags: " founder, Climate ,, FOUNDER, investor, climate" });
      expect(tags.map((t) => t.toLowerCase())).toEqual(["founder", "climate", "investor"]);
    });

    it("keeps each tag to 40 characters", () => {
      expect(parse({ tags: "a".repeat(40) }).tags).toEqual(["a".repeat(40)]);
      expect(fieldErrors({ tags: `ok, ${"a".repeat(41)}` })).toEqual({ tags: ["Keep each tag under 40 characters."] });
    });

    it("keeps to 20 tags", () => {
      const list = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`).join(",");
      expect(parse({ tags: list(20) }).tags).toHaveLength(20);
      expect(fieldErrors({ tags: list(21) })).toEqual({ tags: ["Keep it to 20 tags."] });
    });
  });

  describe("cadence", () => {
    it.each([
      ["30", 30],
      ["365", 365],
      ["none", null],
    ])("reads %j as %j days", (cadence, days) => {
      expect(parse({ cadence }).cadence).toBe(days);
    });

    it("defaults to 90 days when not sent", () => {
      expect(contactInputSchema.parse({ name: "Ada" }).cadence).toBe(90);
    });

    it.each(["45", "0", "", 90])("refuses %j", (cadence) => {
      expect(fieldErrors({ cadence })).toEqual({ cadence: ["Choose how often to keep in touch."] });
    });
  });

  it("refuses keys it does not know, such as a workspace or author smuggled into the form", () => {
    for (const extra of [{ workspaceId: randomUUID() }, { createdBy: randomUUID() }, { version: 5 }]) {
      const r = contactInputSchema.safeParse({ ...blank, ...extra });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.code).toBe("unrecognized_keys");
    }
  });
});

describe("contactUpdateSchema", () => {
  it("adds the id and the version the edit was made from", () => {
    const id = randomUUID();
    expect(contactUpdateSchema.parse({ ...blank, id, version: "3" })).toMatchObject({ id, version: 3 });
    expect(contactUpdateSchema.safeParse({ ...blank, id, version: "0" }).success).toBe(false);
    expect(contactUpdateSchema.safeParse({ ...blank, id: "not-a-uuid", version: "1" }).success).toBe(false);
  });
});

describe("contactListQuerySchema", () => {
  it("defaults to every active contact by name", () => {
    expect(contactListQuerySchema.parse({})).toEqual({ q: "", sort: "name", archived: false, cold: false });
  });

  it("reads the URL's parameters", () => {
    expect(
      contactListQuerySchema.parse({ q: " ada ", tag: "founder", company: "Acme", archived: "1", sort: "balance", state: "owing", cold: "1", cursor: "c" }),
    ).toEqual({
      q: "ada",
      tag: "founder",
      company: "Acme",
      archived: true,
      sort: "balance",
      state: "owing",
      cold: true,
      cursor: "c",
    });
  });

  it.each([{ sort: "size" }, { state: "rich" }, { cold: "yes" }, { archived: "yes" }, { q: "a".repeat(201) }, { cursor: "c".repeat(501) }])("refuses %j", (params) => {
    expect(contactListQuerySchema.safeParse(params).success).toBe(false);
  });
});

describe("note schemas", () => {
  const contactId = randomUUID();

  it("trims the body and requires some text", () => {
    expect(createNoteSchema.parse({ contactId, body: "  hi  ", visibility: "team" }).body).toBe("hi");
    const r = createNoteSchema.safeParse({ contactId, body: "   ", visibility: "private" });
    expect(r.error?.issues.map((i) => i.message)).toEqual(["Write something first."]);
  });

  it("bounds the body at 20,000 characters", () => {
    expect(createNoteSchema.safeParse({ contactId, body: "a".repeat(20_000), visibility: "team" }).success).toBe(true);
    const r = createNoteSchema.safeParse({ contactId, body: "a".repeat(20_001), visibility: "team" });
    expect(r.error?.issues.map((i) => i.message)).toEqual(["Keep a note under 20,000 characters."]);
  });

  it("knows only private and team, and refuses unknown keys", () => {
    expect(createNoteSchema.safeParse({ contactId, body: "x", visibility: "public" }).success).toBe(false);
    expect(createNoteSchema.safeParse({ contactId, body: "x", visibility: "team", authorId: randomUUID() }).success).toBe(false);
    expect(updateNoteSchema.parse({ id: contactId, body: "x", version: "2" })).toEqual({ id: contactId, body: "x", version: 2 });
  });
});

describe("input that PostgreSQL or a person would trip on", () => {
  it("drops NUL characters from text, search and notes", () => {
    expect(parse({ name: "Ada\u0000 Lovelace", company: "A\u0000cme" })).toMatchObject({ name: "Ada Lovelace", company: "Acme" });
    expect(contactListQuerySchema.parse({ q: "a\u0000b" }).q).toBe("ab");
    expect(createNoteSchema.parse({ contactId: randomUUID(), body: "x\u0000y", visibility: "team" }).body).toBe("xy");
  });

  it("reads a host with a port as a web address, not a scheme", () => {
    expect(parse({ url: "example.com:8080/a" }).url).toBe("https://example.com:8080/a");
    expect(fieldErrors({ url: "javascript:alert(1)" }).url).toEqual(["Enter a web address like linkedin.com/in/name."]);
  });

  it("keeps the first spelling of a tag typed twice", () => {
    expect(parse({ tags: "Founder, founder, climate" }).tags).toEqual(["Founder", "climate"]);
  });
});
