import { getDb } from "@/db/client";
import { listContacts } from "@/db/queries/contacts";
import { getMember } from "@/lib/session";
import { contactListQuerySchema } from "@/lib/validation/contacts";

export const dynamic = "force-dynamic";

/** GET the contact list page the client asks for (search, filters, sort, cursor). */
export async function GET(request: Request, { params }: { params: Promise<{ workspace: string }> }) {
  const member = await getMember((await params).workspace);
  if (!member) return Response.json({ error: "Not found" }, { status: 404 });
  const parsed = contactListQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "That search or filter is not valid." }, { status: 400 });
  const page = await listContacts(
    await getDb(),
    { workspaceId: member.workspace.id, userId: member.user.id },
    parsed.data,
  );
  return Response.json(page, { headers: { "Cache-Control": "private, no-store" } });
}
