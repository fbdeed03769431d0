import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";
import { requireMember } from "@/lib/session";

export const metadata: Metadata = { title: "Digest" };

export default async function DigestPage({ params }: { params: Promise<{ workspace: string }> }) {
  await requireMember((await params).workspace);
  return (
    <ComingSoon title="Weekly digest">
      Every week, a short note: whom to give back to, who is going cold, which promises are due. In the app and,
      if you like, by e-mail.
    </ComingSoon>
  );
}
