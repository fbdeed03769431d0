import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { dictionary } from "@zxcvbn-ts/language-common";

// @node-rs/argon2 exports its Algorithm as a const enum, which isolatedModules cannot read.
const ARGON2ID = 2;
// OWASP Password Storage Cheat Sheet: argon2id, m=19 MiB, t=2, p=1.
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

let common: Set<string> | undefined;

/** True when the password is on the list of the most common passwords (case-insensitive). */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common.has(password.toLowerCase());
}

/**
 * The same characters typed on another keyboard or system can arrive as other code points
 * ("é" as one, or as "e" plus a combining accent): passwords are hashed in Unicode NFKC, as
 * NIST SP 800-63B advises, so both forms sign in.
 */
const normalized = (password: string) => password.normalize("NFKC");

export function hashPassword(password: string): Promise<string> {
  return hash(normalized(password), ARGON2_OPTIONS);
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  const form = normalized(password);
  // Hashes made before normalization took the password as typed: try that form too.
  return (await verifyOne(storedHash, form)) || (form !== password && (await verifyOne(storedHash, password)));
}

async function verifyOne(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;

/**
 * Spends the same time as a real check when there is no account (or no password),
 * so response timing does not tell which e-mails have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummy ??= hashPassword("not-a-real-password-just-for-timing");
  await verifyPassword(await dummy, password);
  return false;
}
