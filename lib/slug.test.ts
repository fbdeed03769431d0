import { describe, expect, it } from "vitest";
import { slugify, withSuffix } from "./slug";
import { workspaceSlug } from "./validation/workspaces";

describe("slugify", () => {
  it.each([
    ["Ana's Team!", "anas-team"],
    ["  Crème Brûlée  Club ", "creme-brulee-club"],
    ["日本語", "workspace"],
    ["---", "workspace"],
    ["a".repeat(80), "a".repeat(40)],
  ])("%s → %s", (name, slug) => {
    expect(slugify(name)).toBe(slug);
    expect(workspaceSlug.safeParse(slugify(name)).success).toBe(true);
  });

  it("adds a suffix that keeps the slug valid and distinct", () => {
    const a = withSuffix("team");
    expect(a).toMatch(/^team-[0-9a-f]{6}$/);
    expect(workspaceSlug.safeParse(a).success).toBe(true);
    expect(withSuffix("team")).not.toBe(a);
  });
});
