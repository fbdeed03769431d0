import { z } from "zod";

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

export const newPassword = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const personName = z.string().trim().min(1, "Tell us your name.").max(100, "Keep your name under 100 characters.");

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

export const signUpSchema = z.strictObject({
  name: personName,
  email,
  password: newPassword,
  timeZone: z.string().trim().max(64).optional().transform((tz) => (tz && isTimeZone(tz) ? tz : "UTC")),
});

export const signInSchema = z.strictObject({
  email,
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX),
  callbackUrl: z.string().max(2000).optional(),
});

export const forgotPasswordSchema = z.strictObject({ email });

export const resetPasswordSchema = z.strictObject({
  token: z.string().min(10).max(200),
  password: newPassword,
});

export const verifyEmailSchema = z.strictObject({ token: z.string().min(10).max(200) });

export const profileSchema = z.strictObject({ name: personName, timeZone });

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX),
  newPassword,
});
