import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { chars, describeSchemaProperties, hostileString, RUNS, type SchemaCase } from "@/lib/testing/hostile";
import {
  changePasswordSchema,
  forgotPasswordSchema,
  isSamePath,
  isTimeZone,
  PASSWORD_MAX,
  PASSWORD_MIN,
  profileSchema,
  resetPasswordSchema,
  signInSchema,
  signUpSchema,
  verifyEmailSchema,
} from "./auth";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const cases: SchemaCase[] = [
  {
    name: "signUp",
    schema: signUpSchema,
    valid: { name: "Ada Lovelace", email: "ada@example.com", password: "analytical-engine", timeZone: "Europe/London" },
    holds: (out: z.output<typeof signUpSchema>) => {
      expect(chars(out.name)).toBeGreaterThan(0);
      expect(chars(out.name)).toBeLessThanOrEqual(100);
      expect(out.name).toBe(out.name.trim());
      expect(out.email).toMatch(EMAIL);
      expect(out.email).toBe(out.email.toLowerCase());
      expect(chars(out.email)).toBeLessThanOrEqual(254);
      expect(chars(out.password)).toBeGreaterThanOrEqual(PASSWORD_MIN);
      expect(chars(out.password)).toBeLessThanOrEqual(PASSWORD_MAX);
      expect(isTimeZone(out.timeZone)).toBe(true);
    },
  },
  {
    name: "signIn",
    schema: signInSchema,
    valid: { email: "ada@example.com", password: "x", callbackUrl: "/w/ada" },
    holds: (out: z.output<typeof signInSchema>) => {
      expect(out.email).toMatch(EMAIL);
      expect(chars(out.password)).toBeGreaterThan(0);
      expect(chars(out.password)).toBeLessThanOrEqual(PASSWORD_MAX);
      // Whatever survives leads to this site, as a browser would resolve it.
      if (out.callbackUrl !== undefined) {
        expect(new URL(out.callbackUrl, "https://mutual.example").origin).toBe("https://mutual.example");
      }
    },
  },
  {
    name: "forgotPassword",
    schema: forgotPasswordSchema,
    valid: { email: "ada@example.com" },
    holds: (out: z.output<typeof forgotPasswordSchema>) => expect(out.email).toMatch(EMAIL),
  },
  {
    name: "resetPassword",
    schema: resetPasswordSchema,
    valid: { token: "a".repeat(43), password: "a brand new passphrase" },
    holds: (out: z.output<typeof resetPasswordSchema>) => {
      expect(chars(out.token)).toBeLessThanOrEqual(200);
      expect(chars(out.password)).toBeGreaterThanOrEqual(PASSWORD_MIN);
    },
  },
  {
    name: "verifyEmail",
    schema: verifyEmailSchema,
    valid: { token: "a".repeat(43) },
    holds: (out: z.output<typeof verifyEmailSchema>) => expect(chars(out.token)).toBeLessThanOrEqual(200),
  },
  {
    name: "profile",
    schema: profileSchema,
    valid: { name: "Ada", timeZone: "Asia/Tokyo" },
    holds: (out: z.output<typeof profileSchema>) => {
      expect(chars(out.name)).toBeGreaterThan(0);
      expect(chars(out.name)).toBeLessThanOrEqual(100);
      expect(isTimeZone(out.timeZone)).toBe(true);
    },
  },
  {
    name: "changePassword",
    schema: changePasswordSchema,
    valid: { currentPassword: "old one", newPassword: "a brand new passphrase" },
    holds: (out: z.output<typeof changePasswordSchema>) => {
      expect(chars(out.currentPassword)).toBeLessThanOrEqual(PASSWORD_MAX);
      expect(chars(out.newPassword)).toBeGreaterThanOrEqual(PASSWORD_MIN);
    },
  },
];

describeSchemaProperties(cases);

describe("isSamePath (sign-in's callbackUrl)", () => {
  it("never lets through a path a browser would send to another origin", () => {
    const pathish = fc.oneof(
      hostileString,
      fc.array(fc.constantFrom("/", "\\", "\t", "\n", "\r", " ", "evil.example", ".", "..", "%2f", "@", ":", "http:", "?", "#", "a"), { maxLength: 10 }).map((p) => p.join("")),
    );
    fc.assert(
      fc.property(pathish, (path) => {
        if (isSamePath(path)) expect(new URL(path, "https://mutual.example/sign-in").origin).toBe("https://mutual.example");
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it.each(["/w", "/w/acme/contacts?sort=name", "/w/acme#notes"])("keeps %j", (path) => {
    expect(signInSchema.parse({ email: "a@b.co", password: "x", callbackUrl: path }).callbackUrl).toBe(path);
  });

  it.each(["//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "https://evil.example", "javascript:alert(1)", ""])(
    "drops %j (sign-in goes home instead)",
    (path) => {
      expect(signInSchema.parse({ email: "a@b.co", password: "x", callbackUrl: path }).callbackUrl).toBeUndefined();
    },
  );
});
