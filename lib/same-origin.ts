/**
 * Route handlers that change data get no CSRF check from Next (server actions do): a browser
 * always sends Origin (or Sec-Fetch-Site) on a cross-site POST, so refuse one whose origin is
 * not this host. Clients that send neither are not browsers and carry nobody's cookie.
 */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
