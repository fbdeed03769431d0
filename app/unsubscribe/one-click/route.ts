import { getDb } from "@/db/client";
import { unsubscribeFromDigest } from "@/db/queries/digest";
import { verifyUnsubscribeToken } from "@/lib/digest/unsubscribe";
import { appLink } from "@/lib/mail";
import { unsubscribeParamsSchema } from "@/lib/validation/digest";

/**
 * One-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` to the
 * URL in the digest's List-Unsubscribe header, and the confirmation page's button posts here
 * too. No session is needed — the link's HMAC proves it was made for this user — and the
 * answer is the same whether or not the user still exists.
 */
export async function POST(request: Request): Promise<Response> {
  const parsed = unsubscribeParamsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return text("This unsubscribe link is incomplete. Open it from the digest again.", 400);
  const { u, t } = parsed.data;
  if (!verifyUnsubscribeToken(u, t)) return text("This unsubscribe link is not valid.", 403);

  await unsubscribeFromDigest(await getDb(), u);

  // A mail client's one-click POST gets a plain answer; a person's browser the confirmation page.
  const body = await request.text().catch(() => "");
  if (new URLSearchParams(body).get("List-Unsubscribe") === "One-Click") return text("Unsubscribed from the weekly digest.", 200);
  return Response.redirect(appLink("/unsubscribe", { done: "1" }), 303);
}

/** A client that opens the header's URL in a browser lands on the page that asks first. */
export function GET(request: Request): Response {
  const params = new URL(request.url).searchParams;
  const parsed = unsubscribeParamsSchema.safeParse({ u: params.get("u") ?? "", t: params.get("t") ?? "" });
  return Response.redirect(appLink("/unsubscribe", parsed.success ? parsed.data : {}), 303);
}

function text(message: string, status: number): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
