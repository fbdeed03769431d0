import { expect } from "vitest";
import type { z } from "zod";
import { chars, describeSchemaProperties, type SchemaCase } from "@/lib/testing/hostile";
import { KINDS, type Kind } from "@/lib/scoring";
import {
  completePromiseSchema,
  createPromiseSchema,
  interactionIdSchema,
  logInteractionSchema,
  promiseIdSchema,
  updateInteractionSchema,
} from "./ledger";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const id = "6f1c2b8e-2f43-4f51-9a57-0c8a4e1d2b3c";
const entry = { direction: "gave", kind: "intro", weight: "3", date: "2024-05-01", summary: "Introduced her to Charles", details: "" };

/** A real calendar day from 1900 to 2199, written YYYY-MM-DD. */
const realDate = (d: string) => {
  expect(d).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10)).toBe(d);
  expect(d >= "1900-01-01" && d <= "2199-12-31").toBe(true);
};

const line = (v: string | null, max: number) => {
  if (v === null) return;
  expect(chars(v)).toBeGreaterThan(0);
  expect(chars(v)).toBeLessThanOrEqual(max);
  expect(v).toBe(v.trim());
};

function entryHolds(out: z.output<typeof updateInteractionSchema>) {
  expect(["gave", "received", "mutual"]).toContain(out.direction);
  expect(KINDS[out.kind as Kind].directions).toContain(out.direction);
  expect(Number.isInteger(out.weight) && out.weight >= 1 && out.weight <= 5).toBe(true);
  realDate(out.date);
  line(out.summary, 200);
  line(out.details, 2000);
}

const cases: SchemaCase[] = [
  {
    name: "logInteraction",
    schema: logInteractionSchema,
    valid: { id, contactId: id, ...entry, confirmAsk: false },
    holds: (out: z.output<typeof logInteractionSchema>) => {
      expect(out.contactId).toMatch(UUID);
      entryHolds(out as never);
    },
  },
  { name: "updateInteraction", schema: updateInteractionSchema, valid: { id, ...entry }, holds: entryHolds },
  { name: "deleteInteraction", schema: interactionIdSchema, valid: { id }, holds: (out: { id: string }) => expect(out.id).toMatch(UUID) },
  {
    name: "createPromise",
    schema: createPromiseSchema,
    valid: { contactId: id, description: "Send her the Menabrea paper", dueOn: "2024-06-01" },
    holds: (out: z.output<typeof createPromiseSchema>) => {
      line(out.description, 300);
      if (out.dueOn !== null) realDate(out.dueOn);
    },
  },
  {
    name: "completePromise",
    schema: completePromiseSchema,
    valid: { id, kind: "intro", weight: 2, summary: "Sent the paper" },
    holds: (out: z.output<typeof completePromiseSchema>) => {
      expect(KINDS[out.kind as Kind].directions).toContain("gave");
      expect(Number.isInteger(out.weight) && out.weight >= 1 && out.weight <= 5).toBe(true);
      line(out.summary, 200);
    },
  },
  { name: "cancelPromise", schema: promiseIdSchema, valid: { id }, holds: (out: { id: string }) => expect(out.id).toMatch(UUID) },
];

describeSchemaProperties(cases);
