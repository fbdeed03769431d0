import { getDb } from "@/db/client";
import { exportPersonalData } from "@/db/queries/export";
import { getCurrentUser } from "@/lib/session";

export const dynamic = "force-dynamic";

/** GET all of the signed-in user's own data as one JSON download. */
export async function GET() {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
  const data = await exportPersonalData(await getDb(), user.id);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(`${JSON.stringify(data, null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="mutual-my-data-${day}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
