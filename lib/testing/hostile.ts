import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import type { z } from "zod";

/**
 * Random and hostile values for property tests of what arrives at a server action: the
 * browser is not the only client, so anything a Flight reply or a FormData can carry
 * may show up — and a few things it cannot, to be safe.
 */

/** Pieces of attacks and of text that trips up code that assumes ASCII. */
export const FRAGMENTS = [
  "'; drop table contacts; --",
  "' or '1'='1",
  "\\",
  "%",
  "_",
  "$1",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "\u0000",
  "\u202e",
  "\u200b",
  "\ufeff",
  "\ud800",
  "\udfff",
  "🧑🏽‍💻",
  "e\u0301",
  "ß",
  "İ",
  "${7*7}",
  "{{7*7}}",
  "../../etc/passwd",
  "\r\n",
  "\t",
  " ",
  "null",
  "__proto__",
  "@",
  "a@b.co",
  "2024-02-31",
  "-1",
  "1e999",
  "0x10",
] as const;

/** Keys that a mass-assignment or prototype-pollution attempt would send. */
export const SMUGGLED_KEYS = [
  "workspaceId",
  "role",
  "authorId",
  "userId",
  "createdBy",
  "id",
  "admin",
  "__proto__",
  "constructor",
  "prototype",
  "isAdmin",
  "emailVerified",
  "sessionVersion",
] as const;

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => `x${String.fromCharCode(c)}y`);

/** Huge strings: one character repeated up to 200,000 times (a server action's body may carry 1 MB). */
const hugeString = fc
  .tuple(fc.constantFrom("a", "€", "\u0000", " ", "<", "🧑"), fc.integer({ min: 1_000, max: 200_000 }))
  .map(([c, n]) => c.repeat(n));

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc
    .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), { maxLength: 12 })
    .map((parts) => parts.join("")),
  loneSurrogate,
  hugeString,
);

/** Objects whose own keys are the ones that pollute a prototype when merged naively. */
export const pollutingObject: fc.Arbitrary<unknown> = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  JSON.parse('{"a": {"__proto__": {"polluted": "yes"}}}'),
  Object.assign(Object.create(null), { polluted: "yes" }),
);

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  {
    weight: 2,
    arbitrary: fc.anything({
      maxDepth: 4,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withTypedArray: true,
      withSparseArray: true,
      withBoxedValues: true,
      withObjectString: true,
      withUnicodeString: true,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(null, undefined, Number.NaN, Infinity, -Infinity, -0, 0, 1, 5, 1e308, -1, 2 ** 31, 2 ** 53, 10n, true, false, [], {}, [5], ["5"], new Date(Number.NaN), Symbol("s")),
  },
  { weight: 1, arbitrary: pollutingObject },
);

type Issue = { message: string; path: PropertyKey[]; code: string };

/** A message a person can read: short, plain text, no stack, no internals. */
export function expectClearMessage(message: unknown): void {
  expect(typeof message).toBe("string");
  const m = message as string;
  expect(m.length).toBeGreaterThan(0);
  expect(m.length).toBeLessThan(300);
  expect(m).not.toMatch(/\n\s+at |\[object |ZodError|received undefined|TypeError|SyntaxError/);
}

/**
 * The output of a successful parse holds no NUL, no lone surrogate, no own
 * prototype-polluting key and no object with a foreign prototype, at any depth.
 */
export function expectCleanOutput(value: unknown, path = "$"): void {
  if (typeof value === "string") {
    expect(value.includes("\u0000"), `${path} holds NUL`).toBe(false);
    expect(value.isWellFormed(), `${path} holds a lone surrogate`).toBe(true);
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => expectCleanOutput(v, `${path}[${i}]`));
    return;
  }
  if (value !== null && typeof value === "object") {
    expect(Object.getPrototypeOf(value), `${path} has a foreign prototype`).toBe(Object.prototype);
    for (const key of Object.keys(value)) {
      expect(["__proto__", "constructor", "prototype"], `${path} has own key ${key}`).not.toContain(key);
      expectCleanOutput((value as Record<string, unknown>)[key], `${path}.${key}`);
    }
    return;
  }
  if (value === null) return;
  expect(["number", "boolean", "undefined"]).toContain(typeof value);
  if (typeof value === "number") expect(Number.isFinite(value), `${path} is not finite`).toBe(true);
}

/**
 * Parses without ever throwing; on failure every issue carries a clear message, placed on
 * the field that was wrong (or on the form for an unknown key).
 */
export function parseSafely<S extends z.ZodType>(schema: S, input: unknown) {
  let result: ReturnType<S["safeParse"]> | undefined;
  expect(() => {
    result = schema.safeParse(input) as ReturnType<S["safeParse"]>;
  }).not.toThrow();
  const r = result!;
  if (!r.success) {
    for (const issue of r.error.issues as Issue[]) expectClearMessage(issue.message);
  }
  return r;
}

/** No parse anywhere may have left a key on Object.prototype. */
export function expectPrototypeUntouched(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty("polluted");
}

/** Length as zod's max() and PostgreSQL's char_length() count it: in code points, not UTF-16 units. */
export const chars = (s: string) => [...s].length;

/** Runs per property; FC_RUNS raises it for a longer hunt (`FC_RUNS=5000 npx vitest run …`). */
export const RUNS = Number(process.env.FC_RUNS ?? 300);

/** A server action's schema, a valid input, and what must hold of anything it accepts. */
export type SchemaCase = {
  name: string;
  schema: z.ZodType;
  valid: Record<string, unknown>;
  holds: (out: never) => void;
};

/**
 * The properties every action schema must have, registered as tests: it never throws on
 * any value; a hostile value in any field is refused with a clear message on that field,
 * or accepted clean and within the schema's invariants; any extra field is refused.
 */
export function describeSchemaProperties(cases: SchemaCase[]): void {
  afterAll(expectPrototypeUntouched);

  // A longer hunt (FC_RUNS) needs longer than the default 30 s per test.
  const timeout = Math.max(30_000, RUNS * 40);

  describe.each(cases)("$name schema under random and hostile input", { timeout }, ({ schema, valid, holds }) => {
    const keys = Object.keys(valid);
    const accepted = (data: unknown) => {
      expectCleanOutput(data);
      holds(data as never);
    };

    it("accepts its valid example", () => {
      const r = schema.safeParse(valid);
      expect(r.error?.issues ?? []).toEqual([]);
      accepted(r.data);
    });

    it("never throws on any value at all, and what it accepts holds its invariants", () => {
      fc.assert(
        fc.property(hostileValue, (input) => {
          const r = parseSafely(schema, input);
          if (r.success) accepted(r.data);
        }),
        { numRuns: RUNS },
      );
    });

    it("with one field replaced by a hostile value: refused with a message on that field, or accepted clean", () => {
      fc.assert(
        fc.property(fc.constantFrom(...keys), hostileValue, (key, value) => {
          const r = parseSafely(schema, { ...valid, [key]: value });
          if (r.success) accepted(r.data);
          else for (const issue of r.error.issues) expect([key, undefined]).toContain(issue.path[0]);
        }),
        { numRuns: RUNS },
      );
    });

    it("with every field a hostile string: never throws, and what it accepts holds", () => {
      fc.assert(
        fc.property(fc.tuple(...keys.map(() => hostileString)), (values) => {
          const r = parseSafely(schema, Object.fromEntries(keys.map((k, i) => [k, values[i]])));
          if (r.success) accepted(r.data);
        }),
        { numRuns: RUNS },
      );
    });

    it("refuses any extra field (mass assignment, prototype pollution) and names it", () => {
      fc.assert(
        fc.property(fc.oneof(fc.constantFrom(...SMUGGLED_KEYS), fc.string({ minLength: 1, maxLength: 20 })), hostileValue, (key, value) => {
          fc.pre(!keys.includes(key));
          const input: Record<string, unknown> = { ...valid };
          // defineProperty, so that "__proto__" becomes an own key as JSON.parse would make it.
          Object.defineProperty(input, key, { value, enumerable: true, configurable: true, writable: true });
          const r = parseSafely(schema, input);
          expect(r.success).toBe(false);
          expect(r.error?.issues.some((i) => i.code === "unrecognized_keys")).toBe(true);
        }),
        { numRuns: RUNS },
      );
    });
  });
}
