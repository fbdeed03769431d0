import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { chars, describeSchemaProperties, hostileValue, parseSafely, RUNS, expectCleanOutput, type SchemaCase } from "@/lib/testing/hostile";
import {
  archiveContactSchema,
  CADENCE_OPTIONS,
  contactIdSchema,
  contactInputSchema,
  contactListQuerySchema,
  contactUpdateSchema,
  createNoteSchema,
  noteIdSchema,
  noteVisibilitySchema,
  updateNoteSchema,
} from "./contacts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const id = "6f1c2b8e-2f43-4f51-9a57-0c8a4e1d2b3c";
const INT4_MAX = 2_147_483_647;

const form = {
  name: "Ada Lovelace",
  emails: "ada@example.com, countess@example.org",
  phone: "+44 20 7946 0958",
  company: "Analytical Engines",
  title: "Countess",
  location: "London",
  url: "linkedin.com/in/ada",
  howWeMet: "At a salon",
  tags: "founder, maths",
  interests: "Poetical science",
  needs: "A working engine",
  offers: "Notes on Bernoulli numbers",
  cadence: "90",
};

const within = (v: string | null, max: number) => {
  if (v === null) return;
  expect(chars(v)).toBeGreaterThan(0);
  expect(chars(v)).toBeLessThanOrEqual(max);
  expect(v).toBe(v.trim());
};

function contactHolds(out: z.output<typeof contactInputSchema>) {
  within(out.name, 200);
  expect(out.emails.length).toBeLessThanOrEqual(10);
  for (const e of out.emails) expect(e).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+$/);
  expect(new Set(out.emails).size).toBe(out.emails.length);
  within(out.phone, 50);
  if (out.phone !== null) expect(out.phone).toMatch(/^[0-9+()./\s-]*(?:(?:ext|x)\.?\s*\d+)?$/i);
  for (const [k, max] of [["company", 200], ["title", 200], ["location", 200], ["howWeMet", 1000], ["interests", 2000], ["needs", 2000], ["offers", 2000]] as const) {
    within(out[k], max);
  }
  // A stored link is always web: never javascript:, data: or another scheme.
  if (out.url !== null) {
    expect(chars(out.url)).toBeLessThanOrEqual(500);
    expect(["http:", "https:"]).toContain(new URL(out.url).protocol);
  }
  expect(out.tags.length).toBeLessThanOrEqual(20);
  for (const t of out.tags) within(t, 40);
  expect(new Set(out.tags.map((t) => t.toLowerCase())).size).toBe(out.tags.length);
  expect([...CADENCE_OPTIONS.filter((c) => c !== "none").map(Number), null]).toContain(out.cadence);
}

const noteHolds = (out: { body: string }) => within(out.body, 20_000);
const version = (v: number) => {
  expect(Number.isInteger(v)).toBe(true);
  expect(v).toBeGreaterThanOrEqual(1);
  expect(v).toBeLessThanOrEqual(INT4_MAX);
};

const cases: SchemaCase[] = [
  { name: "createContact", schema: contactInputSchema, valid: form, holds: contactHolds },
  {
    name: "updateContact",
    schema: contactUpdateSchema,
    valid: { ...form, id, version: "3" },
    holds: (out: z.output<typeof contactUpdateSchema>) => {
      contactHolds(out);
      expect(out.id).toMatch(UUID);
      version(out.version);
    },
  },
  {
    name: "archiveContact",
    schema: archiveContactSchema,
    valid: { id, archived: true },
    holds: (out: z.output<typeof archiveContactSchema>) => {
      expect(out.id).toMatch(UUID);
      expect(typeof out.archived).toBe("boolean");
    },
  },
  { name: "deleteContact", schema: contactIdSchema, valid: { id }, holds: (out: { id: string }) => expect(out.id).toMatch(UUID) },
  {
    name: "createNote",
    schema: createNoteSchema,
    valid: { contactId: id, body: "Met at **the salon**.", visibility: "team" },
    holds: (out: z.output<typeof createNoteSchema>) => {
      expect(out.contactId).toMatch(UUID);
      noteHolds(out);
      expect(["private", "team"]).toContain(out.visibility);
    },
  },
  {
    name: "updateNote",
    schema: updateNoteSchema,
    valid: { id, body: "Edited", version: "2" },
    holds: (out: z.output<typeof updateNoteSchema>) => {
      expect(out.id).toMatch(UUID);
      noteHolds(out);
      version(out.version);
    },
  },
  {
    name: "setNoteVisibility",
    schema: noteVisibilitySchema,
    valid: { id, visibility: "private" },
    holds: (out: z.output<typeof noteVisibilitySchema>) => expect(["private", "team"]).toContain(out.visibility),
  },
  { name: "deleteNote", schema: noteIdSchema, valid: { id }, holds: (out: { id: string }) => expect(out.id).toMatch(UUID) },
];

describeSchemaProperties(cases);

describe("contactListQuerySchema (URL parameters of the list page and its JSON route)", () => {
  const known = ["q", "tag", "company", "archived", "sort", "state", "cold", "cursor"];

  it("never throws, drops keys it does not know, and bounds what it keeps", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 12 })), hostileValue, { maxKeys: 6 }), (params) => {
        const r = parseSafely(contactListQuerySchema, params);
        if (!r.success) return;
        expectCleanOutput(r.data);
        for (const key of Object.keys(r.data)) expect(known).toContain(key);
        expect(chars(r.data.q)).toBeLessThanOrEqual(200);
        expect(chars((r.data.tag ?? ""))).toBeLessThanOrEqual(40);
        expect(chars((r.data.company ?? ""))).toBeLessThanOrEqual(200);
        expect(chars((r.data.cursor ?? ""))).toBeLessThanOrEqual(500);
      }),
      { numRuns: RUNS },
    );
  });
});
