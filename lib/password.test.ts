import { describe, expect, it } from "vitest";
import { hashPassword, isCommonPassword, verifyAgainstDummy, verifyPassword } from "./password";

describe("hashPassword / verifyPassword", () => {
  it("hashes with argon2id at the OWASP parameters, salted", async () => {
    const a = await hashPassword("correct horse battery staple");
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(await hashPassword("correct horse battery staple")).not.toBe(a);
  });

  it("accepts the right password and refuses a wrong one", async () => {
    const stored = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(stored, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(stored, "correct horse battery stapl")).toBe(false);
    expect(await verifyPassword(stored, "Correct horse battery staple")).toBe(false);
  });

  it.each([
    ["64 characters", "x".repeat(32) + "Y".repeat(32)],
    ["non-ASCII", "pässwörd-日本語-ok"],
  ])("round-trips a %s password", async (_, password) => {
    const stored = await hashPassword(password);
    expect(await verifyPassword(stored, password)).toBe(true);
    expect(await verifyPassword(stored, password.slice(0, -1))).toBe(false);
  });

  it("answers false, not an exception, for a malformed stored hash", async () => {
    expect(await verifyPassword("not-a-hash", "whatever")).toBe(false);
  });
});

describe("Unicode passwords", () => {
  const composed = "café crème brûlée 東京"; // é as one code point
  const decomposed = composed.normalize("NFD"); // e + combining accent, as some systems type it

  it("signs in with either form of the same characters, and not with different ones", async () => {
    expect(decomposed).not.toBe(composed);
    const stored = await hashPassword(composed);
    expect(await verifyPassword(stored, decomposed)).toBe(true);
    expect(await verifyPassword(await hashPassword(decomposed), composed)).toBe(true);
    expect(await verifyPassword(stored, "cafe crème brûlée 東京")).toBe(false);
  });

  it("still accepts a hash made from the password as typed, before normalization", async () => {
    const { hash } = await import("@node-rs/argon2");
    const legacy = await hash(decomposed, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    expect(await verifyPassword(legacy, decomposed)).toBe(true);
  });
});

describe("isCommonPassword", () => {
  it.each(["password123", "1234567890", "PassWord123"])("%s is common", (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it("lets a long random phrase through", () => {
    expect(isCommonPassword("violet-lantern-quietly-orbits-47")).toBe(false);
  });
});

describe("verifyAgainstDummy", () => {
  it("always answers false, even for the dummy's own password", async () => {
    expect(await verifyAgainstDummy("some password")).toBe(false);
    expect(await verifyAgainstDummy("not-a-real-password-just-for-timing")).toBe(false);
  });
});
