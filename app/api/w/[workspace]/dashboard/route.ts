import { getDb } from "@/db/client";
import { getDashboard } from "@/db/queries/dashboard";
import { todayIn } from "@/lib/dates";
import { dashboardFailure } from "./failure";
import { getMember } from "@/lib/session";

export const dynamic = "force-dynamic";

/** GET the whole dashboard as the page shows it (React Query refetches it after a log). */
export async function GET(request: Request, { params }: { params: Promise<{ workspace: string }> }) {
  try {
    const member = await getMember((await params).workspace);
    if (!member) return Response.json({ error: "Not found" }, { status: 404 });
    if (new URL(request.url).search) return Response.json({ error: "This address takes no parameters." }, { status: 400 });
    const { user, workspace } = member;
    const now = new Date();
    const data = await getDashboard(await getDb(), { workspaceId: workspace.id, userId: user.id }, {
      timeZone: user.timeZone,
      today: todayIn(user.timeZone, now),
      team: !workspace.personal,
      now,
    });
    return Response.json(data, { headers: { "Cache-Control": "private, no-store" } });
  } catch (err) {
    return dashboardFailure("dashboard", err);
  }
}
