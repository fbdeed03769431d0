import { dbUnavailableResponse, isTransientDbError } from "@/lib/db-errors";
import { GENERIC_ERROR_MESSAGE } from "@/lib/errors";

/** The JSON answer when a dashboard read fails: 503 (retry) while the database is out of reach, else a plain 500. */
export function dashboardFailure(where: string, err: unknown): Response {
  if (isTransientDbError(err)) return dbUnavailableResponse(where, err);
  console.error(`[${where}] could not read the dashboard`, err);
  return Response.json({ error: GENERIC_ERROR_MESSAGE }, { status: 500, headers: { "Cache-Control": "no-store" } });
}
