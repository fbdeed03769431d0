import type { Db } from "@/db/client";
import { listIntroIdeas } from "@/db/queries/dashboard";
import {
  DIGEST_LIST_SIZE,
  giveStreakAt,
  promisesDueAtWeekEnd,
  relationshipsAtWeekEnd,
  teamEvents,
  teamNews,
  weekNumbers,
  type GiveBackItem,
  type GoingColdItem,
  type PromiseDueItem,
  type TeamEvent,
  type TeamNews,
  type WeekNumbers,
} from "@/db/queries/digest";
import { formatWeekRange, weekWindow, type WeekLabel } from "./week";

/**
 * What one member's digest of one week says. Each section is null when it has nothing
 * to say, so the page and the mail show only what matters this week.
 */
export type DigestContent = {
  week: WeekLabel;
  range: string;
  /** The local date the week ended on (its next Monday): "overdue" is relative to it. */
  endDate: string;
  numbers: WeekNumbers | null;
  giveBack: { items: GiveBackItem[]; more: number } | null;
  goingCold: { items: GoingColdItem[]; more: number } | null;
  promisesDue: { items: PromiseDueItem[]; more: number } | null;
  introIdeas: IntroIdea[] | null;
  team: TeamNews | null;
  giveStreak: number | null;
};

export type IntroIdea = { needId: string; needName: string; needs: string; offerId: string; offerName: string; offers: string; shared: string[] };

export type DigestParts = {
  numbers: WeekNumbers;
  relationships: Awaited<ReturnType<typeof relationshipsAtWeekEnd>>;
  promises: Awaited<ReturnType<typeof promisesDueAtWeekEnd>>;
  introIdeas: IntroIdea[];
  team: TeamNews;
  giveStreak: number;
};

/** The prompt beside each give-back: their need when we know it, else the essay's question. */
export function giveBackPrompt(needs: string | null): string {
  return needs ? `They need: ${needs}. Could you help with that?` : "Ask them: “What can I do to help you?”";
}

/** Decides which sections show. Pure: the page, the mail and the tests share it. */
export function assembleDigest(week: WeekLabel, endDate: string, parts: DigestParts): DigestContent {
  const { numbers, relationships: r, promises: p, introIdeas, team, giveStreak } = parts;
  const anyFlow = (["gave", "received", "mutual"] as const).some((d) => numbers[d].week.count > 0 || numbers[d].previous.count > 0);
  const teamHasNews = team.noteCount + team.contactCount + team.imports.length + team.joined.length > 0;
  return {
    week,
    range: formatWeekRange(week),
    endDate,
    numbers: anyFlow ? numbers : null,
    giveBack: r.giveBack.length > 0 ? { items: r.giveBack, more: r.owing - r.giveBack.length } : null,
    goingCold: r.goingCold.length > 0 ? { items: r.goingCold, more: r.cold - r.goingCold.length } : null,
    promisesDue: p.items.length > 0 ? { items: p.items, more: p.total - p.items.length } : null,
    introIdeas: introIdeas.length > 0 ? introIdeas.slice(0, DIGEST_LIST_SIZE) : null,
    team: teamHasNews ? team : null,
    giveStreak: giveStreak > 0 ? giveStreak : null,
  };
}

/** True when no section has anything: such a digest is not mailed. */
export function isEmptyDigest(c: DigestContent): boolean {
  return !c.numbers && !c.giveBack && !c.goingCold && !c.promisesDue && !c.introIdeas && !c.team && !c.giveStreak;
}

export type DigestMember = { workspaceId: string; userId: string; timeZone: string };

/**
 * What a run of many digests shares: the team's week is the same for every member of a
 * workspace in the same time zone, so it is read once. Create one per run; not for longer.
 */
export type DigestRunCache = { teamEvents: Map<string, Promise<TeamEvent[]>> };
export const newDigestRunCache = (): DigestRunCache => ({ teamEvents: new Map() });

/**
 * Loads one member's digest of `week`: six small statements over the member's own rows,
 * run side by side. Intro ideas come from the dashboard's matcher and reflect today's
 * needs and offers (contacts keep no history of those fields).
 */
export async function loadDigest(db: Db, member: DigestMember, week: WeekLabel, cache?: DigestRunCache): Promise<DigestContent> {
  const w = weekWindow(week, member.timeZone);
  const scope = { workspaceId: member.workspaceId, userId: member.userId };
  const endDate = nextMonday(w.monday);
  const key = `${member.workspaceId}|${w.start.toISOString()}|${w.end.toISOString()}`;
  let events = cache?.teamEvents.get(key);
  if (cache && !events) {
    events = teamEvents(db, member.workspaceId, w);
    // A failed read is not kept: the next member of the run tries again.
    events.catch(() => cache.teamEvents.delete(key));
    cache.teamEvents.set(key, events);
  }
  const [numbers, relationships, promises, introIdeas, team, giveStreak] = await Promise.all([
    weekNumbers(db, scope, w),
    relationshipsAtWeekEnd(db, scope, w.end),
    promisesDueAtWeekEnd(db, scope, w.end, endDate),
    listIntroIdeas(db, scope),
    (events ?? Promise.resolve(undefined)).then((e) => teamNews(db, scope, w, e)),
    giveStreakAt(db, scope, w.monday, member.timeZone),
  ]);
  return assembleDigest(week, endDate, { numbers, relationships, promises, introIdeas, team, giveStreak });
}

function nextMonday(monday: string): string {
  return new Date(Date.parse(`${monday}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
}
