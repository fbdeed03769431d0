import type { WeekNumbers } from "@/db/queries/digest";
import type { DigestContent } from "./content";

/**
 * The digest's words, shared by the page, the HTML mail and the plain-text mail so the
 * three always say the same thing.
 */

export const SECTION_TITLES = {
  numbers: "The week in numbers",
  giveBack: "Give back",
  goingCold: "Going cold",
  promisesDue: "Promises due",
  introIdeas: "Intro ideas",
  team: "From your team",
  giveStreak: "Your give streak",
} as const;

const times = (n: number) => (n === 1 ? "once" : n === 2 ? "twice" : `${n} times`);

export function numbersLines(n: WeekNumbers): { label: string; week: number; previous: number }[] {
  return [
    { label: "Gave", week: n.gave.week.count, previous: n.gave.previous.count },
    { label: "Received", week: n.received.week.count, previous: n.received.previous.count },
    { label: "Together (meetings, calls)", week: n.mutual.week.count, previous: n.mutual.previous.count },
  ];
}

/** One sentence about the week's give-and-take. */
export function numbersSummary(n: WeekNumbers): string {
  const gave = n.gave.week.count;
  const took = n.received.week.count;
  const before = n.gave.previous.count;
  const trend = gave > before ? ` — more than the week before (${before}).` : gave < before ? ` — the week before you gave ${times(before)}.` : ".";
  if (gave === 0 && took === 0) return `A quiet week: no gives or takes logged${before > 0 ? `, after ${times(before)} giving the week before` : ""}.`;
  if (gave === 0) return `You received ${times(took)}: a good week ahead to give something back.`;
  if (took === 0) return `You gave ${times(gave)}${trend}`;
  if (gave >= took) return `You gave ${times(gave)} and received ${times(took)}${trend}`;
  return `You received ${times(took)} and gave ${times(gave)}: a good week ahead to give back${trend === "." ? "." : trend}`;
}

export function changeLabel(week: number, previous: number): string {
  if (week === previous) return "same as the week before";
  return week > previous ? `up from ${previous}` : `down from ${previous}`;
}

export function goingColdNote(daysSince: number, cadenceDays: number): string {
  return `${daysSince} days since you were in touch (you aim for every ${cadenceDays}). A short “how are you?” is enough.`;
}

// Made once: building a date format costs far more than using one.
const dayFormat = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" });

/** "overdue since Fri 20 Feb" or "due Sun 15 Mar", relative to the local date the week ended on. */
export function promiseDueNote(dueOn: string, endDate: string): string {
  const day = dayFormat.format(new Date(`${dueOn}T00:00:00Z`));
  return dueOn < endDate ? `overdue since ${day}` : `due ${day}`;
}

export function moreNote(more: number, what: string): string | null {
  return more > 0 ? `…and ${more} more ${what} on your dashboard.` : null;
}

export function streakNote(weeks: number): string {
  return weeks === 1
    ? "You gave something this week. One give next week starts a streak."
    : `${weeks} weeks in a row with at least one give. Keep it going: who could use a hand this week?`;
}

/** The team section as lines of text, newest first within each kind. */
export function teamLines(team: NonNullable<DigestContent["team"]>): string[] {
  const who = (name: string | null) => name ?? "A former teammate";
  const lines = [
    ...team.joined.map((name) => `${name} joined the team — say hello.`),
    ...team.notes.map((n) => `${who(n.author)} shared a note on ${n.contactName}: “${n.excerpt}”`),
    ...(team.noteCount > team.notes.length ? [`…and ${team.noteCount - team.notes.length} more shared notes.`] : []),
    ...team.contacts.map((c) => `${who(c.addedBy)} added ${c.name}.`),
    ...(team.contactCount > team.contacts.length ? [`…and ${team.contactCount - team.contacts.length} more new contacts.`] : []),
    ...team.imports.map((i) => `${who(i.by)} imported ${i.count} contact${i.count === 1 ? "" : "s"}.`),
  ];
  return lines;
}

export function introLine(i: { needName: string; offerName: string; shared: string[] }): string {
  return `${i.needName} needs what ${i.offerName} offers (${i.shared.join(", ")}). Could you introduce them?`;
}

export function digestSubject(c: DigestContent, workspace: { name: string; personal: boolean }): string {
  const short = c.range.replace(/ \d{4}/g, "");
  const parts = [
    c.giveBack ? `${c.giveBack.items.length + c.giveBack.more} to give back to` : null,
    c.goingCold ? `${c.goingCold.items.length + c.goingCold.more} going cold` : null,
    c.promisesDue ? `${c.promisesDue.items.length + c.promisesDue.more} promise${c.promisesDue.items.length + c.promisesDue.more === 1 ? "" : "s"} due` : null,
  ].filter(Boolean);
  const prefix = workspace.personal ? "" : `[${workspace.name}] `;
  return `${prefix}Your week, ${short}${parts.length > 0 ? `: ${parts.join(", ")}` : ""}`;
}
