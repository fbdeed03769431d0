import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";
import { requireMember } from "@/lib/session";

export const metadata: Metadata = { title: "Contacts" };

export default async function ContactsPage({ params }: { params: Promise<{ workspace: string }> }) {
  await requireMember((await params).workspace);
  return (
    <ComingSoon title="Contacts">
      The people you know, with what they care about, what they need and what they can offer — so the next
      conversation starts with them, not with you.
    </ComingSoon>
  );
}
