import { pingDb } from "@/db/client";

export const dynamic = "force-dynamic";

/** 200 when the database answers, 503 otherwise. For load balancers and start-up checks. */
export async function GET() {
  try {
    await pingDb();
    return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    console.error("[health] database check failed", err);
    return Response.json({ status: "unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
