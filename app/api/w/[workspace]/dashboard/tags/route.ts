import { getDb } from "@/db/client";
import { listFocusTags } from "@/db/queries/dashboard";
import { getMember } from "@/lib/session";
import { dashboardFailure } from "../failure";

export const dynamic = "force-dynamic";

/** GET the tags the focus filter offers: the commonest among the caller's relationships. */
export async function GET(request: Request, { params }: { params: Promise<{ workspace: string }> }) {
  try {
    const member = await getMember((await params).workspace);
    if (!member) return Response.json({ error: "Not found" }, { status: 404 });
    if (new URL(request.url).search) return Response.json({ error: "This address takes no parameters." }, { status: 400 });
    const tags = await listFocusTags(await getDb(), { workspaceId: member.workspace.id, userId: member.user.id });
    return Response.json(tags, { headers: { "Cache-Control": "private, no-store" } });
  } catch (err) {
    return dashboardFailure("dashboard-tags", err);
  }
}
