import { TZDate } from "@date-fns/tz";
import { todayIn } from "@/lib/dates";
import { DAY_MS } from "@/lib/scoring";

/**
 * ISO weeks ("2026-W47") and where they start and end for someone in a given time zone.
 * A week runs from Monday 00:00 to the next Monday 00:00 on the member's own clock, so it
 * lasts 167 or 169 hours across a daylight-saving change. Calendar dates are handled as
 * UTC midnights (pure arithmetic, independent of the process's time zone); instants only
 * come from TZDate with the member's zone.
 */

export type WeekLabel = string;

const WEEK_RE = /^(\d{4})-W(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Earlier weeks are not browsable: scores start at 2020 (lib/scoring's SCORE_EPOCH). */
export const FIRST_WEEK_YEAR = 2020;

const civil = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const civilMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const isoDow = (ms: number) => ((new Date(ms).getUTCDay() + 6) % 7) + 1; // Monday 1 … Sunday 7

/** The ISO week a calendar date (YYYY-MM-DD) belongs to. */
export function weekOfDate(date: string): WeekLabel {
  const ms = civilMs(date);
  const thursday = ms + (4 - isoDow(ms)) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** 52 or 53: the week of 28 December is always the year's last. */
function weeksInYear(year: number): number {
  return Number(weekOfDate(`${year}-12-28`).slice(6));
}

/** `{ year, week }` for a well-formed label naming a week that exists, else null. */
export function parseWeek(label: string): { year: number; week: number } | null {
  const m = WEEK_RE.exec(label);
  if (!m) return null;
  const year = Number(m[1]);
  const week = Number(m[2]);
  if (year < FIRST_WEEK_YEAR || year > 9998 || week < 1 || week > weeksInYear(year)) return null;
  return { year, week };
}

export function isWeekLabel(label: string): boolean {
  return parseWeek(label) !== null;
}

/** The calendar date (YYYY-MM-DD) of the week's Monday. */
export function mondayOf(label: WeekLabel): string {
  const p = parseWeek(label);
  if (!p) throw new Error(`Not an ISO week: ${label}`);
  const jan4 = Date.UTC(p.year, 0, 4); // always in week 1
  return civil(jan4 - (isoDow(jan4) - 1) * DAY_MS + (p.week - 1) * 7 * DAY_MS);
}

/** The week `by` weeks after (or before, when negative) `label`. */
export function shiftWeek(label: WeekLabel, by: number): WeekLabel {
  return weekOfDate(civil(civilMs(mondayOf(label)) + by * 7 * DAY_MS));
}

function addDays(date: string, days: number): string {
  return civil(civilMs(date) + days * DAY_MS);
}

/** The instant a calendar date's `hour`:00 happens in `timeZone` (a skipped hour moves forward). */
export function instantOf(date: string, timeZone: string, hour = 0): Date {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`Not a date: ${date}`);
  return new Date(new TZDate(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour, 0, 0, timeZone).getTime());
}

export type WeekWindow = {
  week: WeekLabel;
  /** Monday and Sunday of the week, as calendar dates. */
  monday: string;
  sunday: string;
  /** Monday 00:00 of this week, of the next one, and of the one before, in the time zone. */
  start: Date;
  end: Date;
  previousStart: Date;
};

export function weekWindow(label: WeekLabel, timeZone: string): WeekWindow {
  const monday = mondayOf(label);
  return {
    week: label,
    monday,
    sunday: addDays(monday, 6),
    start: instantOf(monday, timeZone),
    end: instantOf(addDays(monday, 7), timeZone),
    previousStart: instantOf(addDays(monday, -7), timeZone),
  };
}

/** The week `now` falls in, where the member is. */
export function currentWeek(now: Date, timeZone: string): WeekLabel {
  return weekOfDate(todayIn(timeZone, now));
}

/** The latest week that has ended where the member is: the one before the current week. */
export function lastCompleteWeek(now: Date, timeZone: string): WeekLabel {
  return shiftWeek(currentWeek(now, timeZone), -1);
}

/** Has `label` ended (its next Monday 00:00 passed) where the member is? */
export function isComplete(label: WeekLabel, now: Date, timeZone: string): boolean {
  return weekWindow(label, timeZone).end.getTime() <= now.getTime();
}

/**
 * When the digest of `label` is due: in the following week, on the member's ISO weekday
 * (1 = Monday) at `hour`:00 on their clock.
 */
export function sendMoment(label: WeekLabel, timeZone: string, weekday: number, hour: number): Date {
  return instantOf(addDays(mondayOf(label), 7 + weekday - 1), timeZone, hour);
}

/** The week whose digest is due at `now` (the last complete one, once its moment has come), or null. */
export function dueWeek(now: Date, timeZone: string, weekday: number, hour: number): WeekLabel | null {
  const week = lastCompleteWeek(now, timeZone);
  return now.getTime() >= sendMoment(week, timeZone, weekday, hour).getTime() ? week : null;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_LONG = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "16–22 November 2026", "28 December 2026 – 3 January 2027" (long) or "16–22 Nov" (short). */
export function formatWeekRange(label: WeekLabel, style: "long" | "short" = "long"): string {
  const from = new Date(civilMs(mondayOf(label)));
  const to = new Date(from.getTime() + 6 * DAY_MS);
  const names = style === "long" ? MONTHS_LONG : MONTHS;
  const month = (d: Date) => names[d.getUTCMonth()]!;
  const year = (d: Date) => (style === "long" ? ` ${d.getUTCFullYear()}` : "");
  if (from.getUTCFullYear() !== to.getUTCFullYear()) {
    return `${from.getUTCDate()} ${month(from)}${year(from)} – ${to.getUTCDate()} ${month(to)}${year(to)}`;
  }
  if (from.getUTCMonth() !== to.getUTCMonth()) {
    return `${from.getUTCDate()} ${month(from)} – ${to.getUTCDate()} ${month(to)}${year(to)}`;
  }
  return `${from.getUTCDate()}–${to.getUTCDate()} ${month(to)}${year(to)}`;
}

export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;
