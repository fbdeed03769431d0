import { describe, expect, it } from "vitest";
import { email, isTimeZone, profileSchema, signInSchema, signUpSchema } from "./auth";

const valid = { name: "Ada Lovelace", email: "ada@example.com", password: "analytical-engine" };

function messages(result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) {
  return (result.error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("email", () => {
  it("trims and lower-cases", () => {
    expect(email.parse("  Ada.Lovelace@Example.COM \n")).toBe("ada.lovelace@example.com");
  });

  it.each(["ada", "ada@", "@example.com", "ada@@example.com", "ada lovelace@example.com"])(
    "refuses %j with a readable message",
    (value) => {
      const r = email.safeParse(value);
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.message).toBe("Enter an e-mail address like name@example.com.");
    },
  );

  it("refuses an address over 254 characters", () => {
    const r = email.safeParse(`${"a".repeat(250)}@example.com`);
    expect(r.error?.issues[0]?.message).toBe("That e-mail address is too long.");
  });
});

describe("signUpSchema", () => {
  it("accepts a valid sign-up and normalises the e-mail", () => {
    const r = signUpSchema.parse({ ...valid, email: " ADA@Example.com ", timeZone: "Europe/Paris" });
    expect(r).toEqual({ ...valid, timeZone: "Europe/Paris" });
  });

  it("refuses a password under 10 characters", () => {
    const r = signUpSchema.safeParse({ ...valid, password: "123456789" });
    expect(r.success).toBe(false);
    expect(messages(r)).toEqual(["password: Use at least 10 characters."]);
    expect(signUpSchema.safeParse({ ...valid, password: "1234567890" }).success).toBe(true);
  });

  it("refuses a password over 256 characters", () => {
    expect(signUpSchema.safeParse({ ...valid, password: "x".repeat(257) }).success).toBe(false);
  });

  it("refuses extra keys such as a role (mass assignment)", () => {
    const r = signUpSchema.safeParse({ ...valid, role: "owner" });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.code).toBe("unrecognized_keys");
  });

  it.each([
    ["an unknown zone", "Mars/Olympus"],
    ["an empty string", ""],
    ["no zone at all", undefined],
  ])("falls back to UTC for %s", (_, timeZone) => {
    expect(signUpSchema.parse({ ...valid, timeZone }).timeZone).toBe("UTC");
  });

  it("requires a name", () => {
    expect(messages(signUpSchema.safeParse({ ...valid, name: "   " }))).toEqual(["name: Tell us your name."]);
  });
});

describe("signInSchema", () => {
  it("refuses an empty password and extra keys", () => {
    expect(messages(signInSchema.safeParse({ email: valid.email, password: "" }))).toEqual([
      "password: Enter your password.",
    ]);
    expect(signInSchema.safeParse({ email: valid.email, password: "x", admin: true }).success).toBe(false);
  });
});

describe("profileSchema", () => {
  it("accepts a real IANA zone", () => {
    expect(profileSchema.parse({ name: "Ada", timeZone: "Asia/Tokyo" })).toEqual({ name: "Ada", timeZone: "Asia/Tokyo" });
  });

  it("refuses an unknown zone instead of guessing", () => {
    expect(messages(profileSchema.safeParse({ name: "Ada", timeZone: "Mars/Olympus" }))).toEqual([
      "timeZone: Choose a time zone from the list.",
    ]);
  });
});

describe("isTimeZone", () => {
  it.each([
    ["UTC", true],
    ["America/New_York", true],
    ["Mars/Olympus", false],
    ["", false],
  ])("%j → %s", (tz, ok) => {
    expect(isTimeZone(tz)).toBe(ok);
  });
});
