import { expect } from "vitest";
import { IMPORT_FIELDS } from "@/lib/import/fields";
import { chars, describeSchemaProperties } from "@/lib/testing/hostile";
import { deleteAccountSchema, deleteWorkspaceSchema, importOptionsSchema } from "./import";

describeSchemaProperties([
  {
    name: "import options",
    schema: importOptionsSchema,
    valid: { step: "preview", onDuplicate: "merge", mapping: ["name", null, "emails"] },
    holds: (out: { step: string; onDuplicate: string; mapping?: (string | null)[] }) => {
      expect(["preview", "commit"]).toContain(out.step);
      expect(["merge", "skip"]).toContain(out.onDuplicate);
      for (const f of out.mapping ?? []) if (f !== null) expect(IMPORT_FIELDS).toContain(f);
    },
  },
  {
    name: "deleteMyAccount",
    schema: deleteAccountSchema,
    valid: { confirmation: "ada@example.com" },
    holds: (out: { confirmation: string }) => {
      expect(chars(out.confirmation)).toBeLessThanOrEqual(320);
      expect(out.confirmation).toBe(out.confirmation.trim());
    },
  },
  {
    name: "deleteWorkspace",
    schema: deleteWorkspaceSchema,
    valid: { confirmation: "Acme Partnerships" },
    holds: (out: { confirmation: string }) => {
      expect(chars(out.confirmation)).toBeLessThanOrEqual(200);
      expect(out.confirmation).toBe(out.confirmation.trim());
    },
  },
]);
