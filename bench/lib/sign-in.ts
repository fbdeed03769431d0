/** Signs in through Auth.js's credentials callback, as the sign-in form does; returns the Cookie header to send. */
const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0]!);

export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: base }),
  });
  await res.arrayBuffer();
  const cookies = [...jar, ...cookiesOf(res)];
  if (!cookies.some((c) => c.includes("session-token="))) throw new Error(`signing in as ${email} gave no session cookie (status ${res.status})`);
  return cookies.join("; ");
}

/** The session token's value alone (for tools that take cookies as name/value pairs). */
export function sessionCookie(cookieHeader: string): { name: string; value: string } {
  const pair = cookieHeader.split("; ").find((c) => c.includes("session-token="));
  if (!pair) throw new Error("no session-token cookie");
  const at = pair.indexOf("=");
  return { name: pair.slice(0, at), value: pair.slice(at + 1) };
}
