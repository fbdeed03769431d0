import { getDb } from "@/db/client";
import { getDashboardLists } from "@/db/queries/dashboard";
import { todayIn } from "@/lib/dates";
import { getMember } from "@/lib/session";
import { dashboardFailure } from "../failure";
import { dashboardListsQuerySchema } from "@/lib/validation/dashboard";

export const dynamic = "force-dynamic";

/** GET the dashboard's action lists narrowed to contacts with one tag (the focus filter). */
export async function GET(request: Request, { params }: { params: Promise<{ workspace: string }> }) {
  try {
    const member = await getMember((await params).workspace);
    if (!member) return Response.json({ error: "Not found" }, { status: 404 });
    const parsed = dashboardListsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) return Response.json({ error: "That focus is not valid: pick one of the tags." }, { status: 400 });
    const { user, workspace } = member;
    const lists = await getDashboardLists(await getDb(), { workspaceId: workspace.id, userId: user.id }, {
      today: todayIn(user.timeZone),
      tag: parsed.data.tag,
    });
    return Response.json(lists, { headers: { "Cache-Control": "private, no-store" } });
  } catch (err) {
    return dashboardFailure("dashboard-lists", err);
  }
}
