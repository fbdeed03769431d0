import "server-only";
import { getDb } from "@/db/client";
import { loadDigest } from "@/lib/digest/content";
import { lastCompleteWeek, parseWeek, shiftWeek } from "@/lib/digest/week";
import type { MemberContext } from "@/lib/session";

/** The member's digest of `week` and its neighbours for browsing (none before 2020, none past the latest complete week). */
export async function loadWeekPage({ user, workspace }: MemberContext, week: string) {
  const latest = lastCompleteWeek(new Date(), user.timeZone);
  const previous = shiftWeek(week, -1);
  const content = await loadDigest(await getDb(), { workspaceId: workspace.id, userId: user.id, timeZone: user.timeZone }, week);
  return {
    content,
    previous: parseWeek(previous) ? previous : null,
    next: week < latest ? shiftWeek(week, 1) : null,
  };
}
