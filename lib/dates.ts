import { TZDate } from "@date-fns/tz";

/** Today's date (YYYY-MM-DD) where the user is. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/**
 * The instant a logged date stands for: its start in the user's time zone, and never
 * later than now (so "today" always has an age of zero or more).
 */
export function startOfDateIn(date: string, timeZone: string, now = new Date()): Date {
  const [y, m, d] = date.split("-").map(Number);
  const start = new TZDate(y ?? 1970, (m ?? 1) - 1, d ?? 1, timeZone);
  return new Date(Math.min(start.getTime(), now.getTime()));
}
