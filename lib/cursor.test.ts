import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("cursor", () => {
  it("round-trips a time and an id", () => {
    const item = { createdAt: new Date("2026-11-20T10:11:12.345Z"), id: "3f0c6a1e-8b9d-4c2a-9f1e-2b3c4d5e6f70" };
    expect(decodeCursor(encodeCursor(item))).toEqual(item);
  });

  it.each([undefined, "", "nonsense", "2026-11-20T10:11:12Z~not-a-uuid", ["a", "b"], "x".repeat(500)])(
    "treats %j as the first page",
    (value) => {
      expect(decodeCursor(value)).toBeUndefined();
    },
  );
});
