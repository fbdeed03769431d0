import "server-only";
import { RateLimiterDrizzle, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getDb } from "@/db/client";
import { rateLimits } from "@/db/schema";

/**
 * Attempt limits, kept in PostgreSQL so they hold across every app instance.
 * Only failures are counted for sign-in: 10 wrong passwords for one address within a
 * minute (a window that starts at the first) lock that address, even against the right
 * password, until the window ends; other addresses are not affected. Every request
 * counts for reset and sign-up, which send mail: an address cannot be flooded.
 */
export const LIMITS = {
  signInPerEmail: { points: 10, duration: 60 },
  signInPerIp: { points: 100, duration: 15 * 60 },
  resetPerEmail: { points: 5, duration: 60 * 60 },
  resetPerIp: { points: 30, duration: 60 * 60 },
  signUpPerEmail: { points: 5, duration: 60 * 60 },
  signUpPerIp: { points: 100, duration: 60 * 60 },
} as const;

type LimitName = keyof typeof LIMITS;

const g = globalThis as typeof globalThis & { __mutualLimiters?: Map<LimitName, RateLimiterAbstract> };

async function limiter(name: LimitName): Promise<RateLimiterAbstract> {
  g.__mutualLimiters ??= new Map();
  let l = g.__mutualLimiters.get(name);
  if (!l) {
    l = new RateLimiterDrizzle({ storeClient: await getDb(), schema: rateLimits, keyPrefix: name, ...LIMITS[name] });
    g.__mutualLimiters.set(name, l);
  }
  return l;
}

/** True when `key` has used up `name`'s allowance in the current window. */
export async function isLimited(name: LimitName, key: string): Promise<boolean> {
  const res = await (await limiter(name)).get(key);
  return res !== null && res.consumedPoints >= LIMITS[name].points;
}

/** Counts one attempt; true when this attempt went over the allowance. */
export async function hit(name: LimitName, key: string): Promise<boolean> {
  try {
    await (await limiter(name)).consume(key);
    return false;
  } catch (err) {
    if (err instanceof Error) throw err;
    return true; // rate-limiter-flexible rejects with a RateLimiterRes when over the limit
  }
}

export async function clearLimit(name: LimitName, key: string): Promise<void> {
  await (await limiter(name)).delete(key);
}
