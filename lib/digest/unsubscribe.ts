import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { getAuthSecret } from "@/lib/auth-secret";
import { appLink } from "@/lib/mail";

/**
 * The digest's unsubscribe link works without signing in, so it carries its own proof:
 * an HMAC-SHA256 of the user's id under a key derived from AUTH_SECRET for this one
 * purpose. It cannot be made without the secret, and a token for one user is worthless
 * for another. The preference is per user, so the token names no workspace. It does not
 * expire: an old digest's link must still work (RFC 8058 asks for that too).
 */
const PURPOSE = "mutual:digest-unsubscribe:v1";

function key(): Buffer {
  return createHmac("sha256", getAuthSecret()).update(PURPOSE).digest();
}

export function unsubscribeToken(userId: string): string {
  return createHmac("sha256", key()).update(userId).digest("base64url");
}

export function verifyUnsubscribeToken(userId: string, token: string): boolean {
  const expected = Buffer.from(unsubscribeToken(userId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The page a person opens from the mail: it asks before it unsubscribes. */
export function unsubscribePageUrl(userId: string): string {
  return appLink("/unsubscribe", { u: userId, t: unsubscribeToken(userId) });
}

/** The RFC 8058 one-click endpoint mail clients POST to (List-Unsubscribe). */
export function oneClickUnsubscribeUrl(userId: string): string {
  return appLink("/unsubscribe/one-click", { u: userId, t: unsubscribeToken(userId) });
}
