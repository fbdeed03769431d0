import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";
import { Alert } from "@/components/ui/alert";
import { requireMember } from "@/lib/session";

export const metadata: Metadata = { title: "Dashboard" };

type Props = { params: Promise<{ workspace: string }>; searchParams: Promise<{ welcome?: string }> };

export default async function DashboardPage({ params, searchParams }: Props) {
  const { workspace: slug } = await params;
  const { user, workspace } = await requireMember(slug);
  const { welcome } = await searchParams;
  return (
    <div className="flex flex-col gap-6">
      {welcome === "1" && (
        <Alert tone="success">
          Welcome to Mutual, {user.name.split(" ")[0]}. {workspace.name} is ready — a place to remember what matters
          to the people you know, and to give before you ask.
        </Alert>
      )}
      <ComingSoon title="Dashboard">
        Here you will see how balanced your give-and-take is with each person, who could use a hand from you, and
        who is going cold. It fills in as you add contacts and log what passes between you.
      </ComingSoon>
    </div>
  );
}
