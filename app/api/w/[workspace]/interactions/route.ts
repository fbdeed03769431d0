import { getDb } from "@/db/client";
import { getRelationship, InteractionIdTaken, logInteraction } from "@/db/queries/ledger";
import { startOfDateIn, todayIn } from "@/lib/dates";
import { dbUnavailableResponse, isTransientDbError } from "@/lib/db-errors";
import { GENERIC_ERROR_MESSAGE, UserError } from "@/lib/errors";
import { isSameOrigin } from "@/lib/same-origin";
import { ASK_STREAK_WARNING } from "@/lib/scoring";
import { getMember } from "@/lib/session";
import { logInteractionSchema } from "@/lib/validation/ledger";

export const dynamic = "force-dynamic";

// One entry is a few hundred bytes; the longest valid one (2,000-character details) well under this.
const MAX_BODY_BYTES = 16 * 1024;
const NOT_FOUND = "We couldn't find that contact in this workspace. It may have been deleted.";

const answer = (status: number, body: Record<string, unknown>) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * POST one give-and-take entry as JSON — the same fields as the log form, plus an optional
 * `id` (a UUID the client picks) that makes a retry safe: the first request creates the entry
 * (201), a repeat of the same id by the same member for the same contact changes nothing and
 * answers 200 with it. An id already used by anyone else is refused (409) without saying more.
 * Answers 503 with Retry-After while the database is out of reach, so the client can retry.
 */
export async function POST(request: Request, { params }: { params: Promise<{ workspace: string }> }) {
  if (!isSameOrigin(request)) return answer(403, { error: "This request did not come from Mutual." });
  try {
    const member = await getMember((await params).workspace);
    if (!member) return answer(404, { error: "Not found" });

    if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
      return answer(415, { error: "Send the entry as JSON (Content-Type: application/json)." });
    }
    if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return answer(413, { error: "That entry is too large." });
    const text = await request.text();
    if (text.length > MAX_BODY_BYTES) return answer(413, { error: "That entry is too large." });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return answer(400, { error: "The entry was not readable JSON." });
    }
    const parsed = logInteractionSchema.safeParse(body);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[issue.path.join(".") || "_"] ??= issue.message;
      return answer(422, { error: parsed.error.issues[0]?.message ?? "That entry is not valid.", fields });
    }
    const { confirmAsk, date, contactId, ...fields } = parsed.data;
    const { user, workspace } = member;
    if (date > todayIn(user.timeZone)) {
      return answer(422, { error: "That date is in the future. Log what has already happened.", fields: { date: "That date is in the future. Log what has already happened." } });
    }

    const db = await getDb();
    const scope = { workspaceId: workspace.id, userId: user.id };
    if (fields.kind === "ask" && !confirmAsk) {
      // The log form's "give before you ask" check: send confirmAsk: true to log the ask anyway.
      const rel = await getRelationship(db, scope, contactId);
      if (!rel) return answer(404, { error: NOT_FOUND });
      if (rel.state === "owing" || rel.askStreak + 1 >= ASK_STREAK_WARNING) {
        return answer(409, {
          error:
            rel.state === "owing"
              ? "You already owe this person a little. Could you give something first — an introduction, a tip, a check-in?"
              : `That would be ${rel.askStreak + 1} asks since you last gave. Give before you ask again?`,
          warning: true,
        });
      }
    }
    const row = await logInteraction(db, scope, { ...fields, contactId, occurredAt: startOfDateIn(date, user.timeZone) });
    if (!row) return answer(404, { error: NOT_FOUND });
    return answer(row.created ? 201 : 200, { id: row.id, created: row.created });
  } catch (err) {
    if (isTransientDbError(err)) return dbUnavailableResponse("interactions", err);
    if (err instanceof InteractionIdTaken) return answer(409, { error: err.message });
    if (err instanceof UserError) return answer(422, { error: err.message });
    console.error("[interactions] could not log an entry", err);
    return answer(500, { error: GENERIC_ERROR_MESSAGE });
  }
}
