import type { Metadata } from "next";
import { cookies } from "next/headers";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { getDb } from "@/db/client";
import { getDashboard, hasContacts } from "@/db/queries/dashboard";
import { DashboardView } from "@/components/dashboard/dashboard-view";
import { GettingStarted } from "@/components/dashboard/getting-started";
import { guideCookie } from "@/components/dashboard/guide-cookie";
import { dashboardKeys } from "@/components/dashboard/query";
import { Alert } from "@/components/ui/alert";
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

  const skipped = (await cookies()).has(guideCookie(user.id));
  if (!(await hasContacts(db, workspace.id))) {
    return (
      <div className="flex flex-col gap-6">
        {greeting}
        <h1 className="text-title">Dashboard</h1>
        <GettingStarted slug={slug} userId={user.id} hasContacts={false} skipped={skipped} />
      </div>
    );
  }

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
      <h1 className="text-title">Dashboard</h1>
      <HydrationBoundary state={dehydrate(queryClient)}>
        {!skipped && <GettingStarted slug={slug} userId={user.id} hasContacts skipped={false} />}
        <DashboardView slug={slug} today={today} />
      </HydrationBoundary>
    </div>
  );
}
