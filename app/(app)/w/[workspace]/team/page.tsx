import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";
import { requireMember } from "@/lib/session";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage({ params }: { params: Promise<{ workspace: string }> }) {
  await requireMember((await params).workspace);
  return (
    <ComingSoon title="Team">
      Invite teammates to share contacts and notes, and see who on the team knows whom best. Private notes stay
      private.
    </ComingSoon>
  );
}
