import { TZDate } from "@date-fns/tz";

// One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one
// (~0.4 ms each; a busy contact page asked for one per timeline entry).
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date (YYYY-MM-DD) where the user is. */
export function todayIn(timeZone: string, now = new Date()): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
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
