import { getDb } from "@/db/client";
import { exportWorkspaceContacts } from "@/db/queries/export";
import { contactsToCsv } from "@/lib/export/csv";
import { contactsToVcard } from "@/lib/export/vcard";
import { getMember } from "@/lib/session";
import { exportFormatSchema } from "@/lib/validation/import";

export const dynamic = "force-dynamic";

/** GET ?format=csv|vcard: the workspace's contacts as a download, for any member. */
export async function GET(request: Request, { params }: { params: Promise<{ workspace: string }> }) {
  const member = await getMember((await params).workspace);
  if (!member) return Response.json({ error: "Not found" }, { status: 404 });
  const format = exportFormatSchema.safeParse(new URL(request.url).searchParams.get("format") ?? "csv");
  if (!format.success) return Response.json({ error: "Choose csv or vcard." }, { status: 400 });

  const rows = await exportWorkspaceContacts(await getDb(), { workspaceId: member.workspace.id, userId: member.user.id }, format.data);
  const day = new Date().toISOString().slice(0, 10);
  const [body, type, ext] =
    format.data === "csv"
      ? [contactsToCsv(rows), "text/csv; charset=utf-8; header=present", "csv"]
      : [contactsToVcard(rows), "text/vcard; charset=utf-8", "vcf"];
  return new Response(body, {
    headers: {
      "Content-Type": type,
      "Content-Disposition": `attachment; filename="mutual-${member.workspace.slug}-contacts-${day}.${ext}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
