import { z } from "zod";
import { text } from "./text";

// Shared by forms (client) and actions (server). The common-password check needs a
// 49k-word list, so it runs in the action only, not here.
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;

export const email = z
  .string()
  .trim()
  .max(254, "That e-mail address is too long.")
  .pipe(z.email("Enter an e-mail address like name@example.com."))
  .transform((e) => e.toLowerCase());

/**
 * Any character a keyboard can type, in any language. Not NUL, nor half of a UTF-16 pair:
 * the hash reads UTF-8, where every lone half turns into the same U+FFFD.
 */
const typeable = (s: string) => !s.includes("\u0000") && s.isWellFormed();
const UNTYPEABLE = "That password holds a character that can't be typed. Check it and try again.";

export const newPassword = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`)
  .refine(typeable, UNTYPEABLE);

const currentPassword = (empty: string) =>
  z.string().min(1, empty).max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`).refine(typeable, UNTYPEABLE);

/** Tokens are ours (lib/tokens.ts: base64url); anything else cannot match one. */
const token = z
  .string()
  .min(10, "This link is incomplete. Open the whole link from the e-mail.")
  .max(200, "This link is not valid.")
  .regex(/^[A-Za-z0-9_-]+$/, "This link is not valid.");

export const personName = text(z.string().trim().min(1, "Tell us your name.").max(100, "Keep your name under 100 characters."));

export const timeZone = z
  .string()
  .trim()
  .max(64)
  .refine(isTimeZone, "Choose a time zone from the list.");

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}

/** Where to go after signing in or up: a same-site path, or nothing (→ the app home). */
const returnPath = z
  .string()
  .max(2000)
  .optional()
  .transform((u) => (u !== undefined && isSamePath(u) ? u : undefined));

export const signUpSchema = z.strictObject({
  callbackUrl: returnPath,
  name: personName,
  email,
  password: newPassword,
  timeZone: z.string().trim().max(64).optional().transform((tz) => (tz && isTimeZone(tz) ? tz : "UTC")),
});

/**
 * A path on this site to return to after sign-in: "/w/acme?x=1". Anything else — another
 * origin, "//host", "/\\host", or a tab or new line that a browser would drop to make
 * "//host" — is dropped, and sign-in goes to the app home.
 */
export function isSamePath(url: string): boolean {
  return /^\/(?![/\\])[\x21-\x7e]*$/.test(url);
}

export const signInSchema = z.strictObject({
  email,
  password: currentPassword("Enter your password."),
  callbackUrl: returnPath,
});

export const forgotPasswordSchema = z.strictObject({ email });

export const resetPasswordSchema = z.strictObject({ token, password: newPassword });

export const verifyEmailSchema = z.strictObject({ token });

export const profileSchema = z.strictObject({ name: personName, timeZone });

export const changePasswordSchema = z.strictObject({
  currentPassword: currentPassword("Enter your current password."),
  newPassword,
});
