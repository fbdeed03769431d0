import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { lastCompleteWeek, parseWeek } from "@/lib/digest/week";
import { requireMember } from "@/lib/session";
import { DigestView } from "../digest-view";
import { loadWeekPage } from "../load-week";

type Props = { params: Promise<{ workspace: string; week: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Digest ${(await params).week}` };
}

/** An earlier week, e.g. /digest/2026-W47. A week that has not ended yet leads to the latest one. */
export default async function DigestWeekPage({ params }: Props) {
  const { workspace: slug, week } = await params;
  const member = await requireMember(slug);
  if (!parseWeek(week)) notFound();
  if (week > lastCompleteWeek(new Date(), member.user.timeZone)) redirect(`/w/${slug}/digest`);
  const page = await loadWeekPage(member, week);
  return <DigestView slug={slug} timeZone={member.user.timeZone} {...page} />;
}
