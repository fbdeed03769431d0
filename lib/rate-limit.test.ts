import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { clearLimit, hit, isLimited, LIMITS } from "./rate-limit";

// Keys are unique per test: the limits live in the shared database, like the app's.
const key = (label: string) => `${label}-${randomUUID()}@example.test`;

describe("rate limits (stored in the database)", () => {
  const { points } = LIMITS.signInPerEmail;

  it("limits a key after its allowance, and only that key", async () => {
    const noisy = key("noisy");
    const quiet = key("quiet");
    await hit("signInPerEmail", quiet);

    for (let i = 1; i < points; i++) expect(await hit("signInPerEmail", noisy)).toBe(false);
    expect(await isLimited("signInPerEmail", noisy)).toBe(false);
    expect(await hit("signInPerEmail", noisy)).toBe(false); // the last allowed attempt

    expect(await isLimited("signInPerEmail", noisy)).toBe(true);
    expect(await hit("signInPerEmail", noisy)).toBe(true);
    expect(await isLimited("signInPerEmail", quiet)).toBe(false);
    expect(await isLimited("signInPerEmail", key("never-seen"))).toBe(false);
  });

  it("keeps each limit apart: the same key under another name is free", async () => {
    const k = key("shared");
    for (let i = 0; i < points; i++) await hit("signInPerEmail", k);
    expect(await isLimited("signInPerEmail", k)).toBe(true);
    expect(await isLimited("resetPerEmail", k)).toBe(false);
  });

  it("clearLimit resets the key", async () => {
    const k = key("cleared");
    for (let i = 0; i < points; i++) await hit("signInPerEmail", k);
    expect(await isLimited("signInPerEmail", k)).toBe(true);

    await clearLimit("signInPerEmail", k);
    expect(await isLimited("signInPerEmail", k)).toBe(false);
    expect(await hit("signInPerEmail", k)).toBe(false);
  });

  it("counts concurrent attempts without losing any", async () => {
    const k = key("burst");
    const over = await Promise.all(Array.from({ length: points + 3 }, () => hit("signInPerEmail", k)));
    expect(over.filter(Boolean)).toHaveLength(3);
    expect(await isLimited("signInPerEmail", k)).toBe(true);
  });
});
