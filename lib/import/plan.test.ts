import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { contactInputSchema } from "@/lib/validation/contacts";
import type { Candidate } from "./normalize";
import { mergeInto, planImport, type ExistingContact } from "./plan";

const md5 = (s: string) => createHash("md5").update(s).digest("hex");
const input = (fields: Record<string, string>) => contactInputSchema.parse({ name: "Ada Lovelace", ...fields });
const cand = (where: string, fields: Record<string, string>, extra: Partial<Candidate> = {}): Candidate => ({
  where,
  input: input(fields),
  connectedOn: null,
  archived: false,
  note: null,
  warnings: [],
  ...extra,
});
const existing = (id: string, fields: Record<string, string>, extra: Partial<ExistingContact> = {}): ExistingContact => ({
  id,
  input: input(fields),
  connectedOn: null,
  myNoteHashes: [],
  ...extra,
});

describe("mergeInto", () => {
  it("fills blanks, joins lists up to the form's limits, never overwrites", () => {
    const base = { input: input({ company: "Analytical", emails: Array.from({ length: 9 }, (_, i) => `a${i}@x.org`).join(" "), tags: "a" }), connectedOn: "2020-01-01" };
    const extra = { input: input({ company: "Other", title: "Countess", emails: "new1@x.org new2@x.org", tags: "A, b" }), connectedOn: "2021-01-01" };
    const { merged, added } = mergeInto(base, extra);
    expect(merged.input).toMatchObject({ company: "Analytical", title: "Countess", tags: ["a", "b"] });
    expect(merged.input.emails).toHaveLength(10);
    expect(merged.input.emails.at(-1)).toBe("new1@x.org");
    expect(merged.connectedOn).toBe("2020-01-01");
    expect(added).toEqual(["title", "e-mail", "tags"]);
  });
});

describe("planImport", () => {
  it("prefers an e-mail match over a name match, and reports rows in file order", () => {
    const byName = existing("id-name", { company: "Analytical" });
    const byEmail = existing("id-email", { name: "A. King", emails: "ada@x.org" });
    const plan = planImport(
      [cand("Row 3", { company: "Analytical", emails: "ADA@x.org", phone: "+44 1" }), cand("Row 5", { name: "Someone New" })],
      [{ where: "Row 4", name: "", reason: "No name in this row." }],
      [byName, byEmail],
      "merge",
      md5,
    );
    expect(plan.rows.map((r) => [r.where, r.outcome])).toEqual([
      ["Row 3", "merge"],
      ["Row 4", "skip"],
      ["Row 5", "create"],
    ]);
    expect(plan.updates.map((u) => [u.id, u.input.phone])).toEqual([["id-email", "+44 1"]]);
  });

  it("adds the importer's note only when they have not written those words on that contact", () => {
    const known = existing("id-1", { emails: "ada@x.org" }, { myNoteHashes: [md5("Met at the salon")] });
    const same = planImport([cand("Row 2", { emails: "ada@x.org" }, { note: "Met at the salon" })], [], [known], "merge", md5);
    expect(same.updates).toEqual([]);
    expect(same.rows[0]?.detail).toMatch(/nothing new to add/);
    const other = planImport([cand("Row 2", { emails: "ada@x.org" }, { note: "Loves looms" })], [], [known], "merge", md5);
    expect(other.updates).toMatchObject([{ id: "id-1", changed: false, notes: ["Loves looms"] }]);
  });
});
