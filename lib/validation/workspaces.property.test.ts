import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chars, describeSchemaProperties, hostileValue, parseSafely, RUNS } from "@/lib/testing/hostile";
import { createWorkspaceSchema, workspaceSlug } from "./workspaces";

describeSchemaProperties([
  {
    name: "createWorkspace",
    schema: createWorkspaceSchema,
    valid: { name: "Acme Partnerships" },
    holds: (out: { name: string }) => {
      expect(chars(out.name)).toBeGreaterThanOrEqual(2);
      expect(chars(out.name)).toBeLessThanOrEqual(60);
      expect(out.name).toBe(out.name.trim());
    },
  },
]);

describe("workspaceSlug (bound to every workspace action)", () => {
  it("never throws, and accepts only lower-case URL-safe slugs of at most 64 characters", () => {
    fc.assert(
      fc.property(hostileValue, (value) => {
        const r = parseSafely(workspaceSlug, value);
        if (r.success) expect(r.data).toMatch(/^[a-z0-9][a-z0-9-]{0,62}$/);
      }),
      { numRuns: RUNS },
    );
  });
});
