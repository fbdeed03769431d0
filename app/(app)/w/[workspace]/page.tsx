import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { getDb } from "@/db/client";
import { getDashboard, hasContacts } from "@/db/queries/dashboard";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { dashboardKeys } from "@/components/dashboard/query";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button-class";
import { Card } from "@/components/ui/card";
import { todayIn } from "@/lib/dates";
import { makeQueryClient } from "@/lib/query-client";
import { requireMember } from "@/lib/session";

export const metadata: Metadata = { title: "Dashboard" };

type Props = { params: Promise<{ workspace: string }>; searchParams: Promise<{ welcome?: string }> };

export default async function DashboardPage({ params, searchParams }: Props) {
  const { workspace: slug } = await params;
  const { user, workspace } = await requireMember(slug);
  const { welcome } = await searchParams;
  const db = await getDb();
  const scope = { workspaceId: workspace.id, userId: user.id };
  const greeting = welcome === "1" && (
    <Alert tone="success">
      Welcome to Mutual, {user.name.split(" ")[0]}. {workspace.name} is ready — a place to remember what matters to the
      people you know, and to give before you ask.
    </Alert>
  );

  if (!(await hasContacts(db, workspace.id))) return <FirstRun base={`/w/${slug}`} greeting={greeting} />;

  // Fetched here so the first paint has every number; the client keeps it fresh from there.
  const now = new Date();
  const today = todayIn(user.timeZone, now);
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({
    queryKey: dashboardKeys.summary(slug),
    queryFn: () => getDashboard(db, scope, { timeZone: user.timeZone, today, team: !workspace.personal, now }),
  });

  return (
    <div className="flex flex-col gap-6">
      {greeting}
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <DashboardView slug={slug} today={today} />
      </HydrationBoundary>
    </div>
  );
}

function FirstRun({ base, greeting }: { base: string; greeting: ReactNode }) {
  return (
    <div className="flex flex-col gap-6">
      {greeting}
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <Card>
        <h2 className="text-lg font-semibold">Start with the people you know</h2>
        <ol className="mt-4 flex flex-col gap-4 text-sm">
          <li>
            <strong>1. Add a few people</strong> you spoke to lately — and what they care about, need and offer. Or
            bring them all in from LinkedIn, Google, Outlook or a vCard file.
            <div className="mt-2 flex flex-wrap gap-3">
              <Link href={`${base}/contacts/new`} className={buttonClass("primary")}>
                Add your first contact
              </Link>
              <Link href={`${base}/import`} className={buttonClass("secondary")}>
                Import contacts
              </Link>
            </div>
          </li>
          <li>
            <strong>2. Log a first give</strong>: an introduction, a tip, a congratulation. Press <kbd className="rounded border px-1">L</kbd> anywhere.
          </li>
          <li>
            <strong>3. Watch this page come alive</strong>: who to give back to, who is going cold, and how balanced
            your give-and-take is.
          </li>
        </ol>
      </Card>
    </div>
  );
}
