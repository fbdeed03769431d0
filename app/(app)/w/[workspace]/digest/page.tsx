import type { Metadata } from "next";
import { lastCompleteWeek } from "@/lib/digest/week";
import { requireMember } from "@/lib/session";
import { DigestView } from "./digest-view";
import { loadWeekPage } from "./load-week";

export const metadata: Metadata = { title: "Digest" };

/** The latest complete week (Monday to Sunday where the member is). */
export default async function DigestPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const member = await requireMember(slug);
  const week = lastCompleteWeek(new Date(), member.user.timeZone);
  const page = await loadWeekPage(member, week);
  return <DigestView slug={slug} timeZone={member.user.timeZone} {...page} />;
}
