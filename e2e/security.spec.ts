import fs from "node:fs";
import path from "node:path";
import { randomInt, randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E_DATA_DIR } from "../playwright.config";
import { waitForMail } from "./fixtures/mail";
import { newUser } from "./fixtures/users";
import { AuthPages } from "./pages/auth";

/**
 * What an attacker tries against accounts, done the way an attacker would: server actions
 * posted directly by their id (no page, no UI) against the production build.
 */

// Each action is posted to the page its form lives on, as a browser does. (Next drops the
// cookies an action sets when it is posted to a prerendered page such as "/".)
const SIGN_IN = { file: "app/(auth)/sign-in/actions.ts", name: "signInWithPassword", page: "/sign-in" };
const SIGN_UP = { file: "app/(auth)/sign-up/actions.ts", name: "signUp", page: "/sign-up" };
const FORGOT = { file: "app/(auth)/forgot/actions.ts", name: "requestPasswordReset", page: "/forgot" };
const CREATE_CONTACT = { file: "app/(app)/w/[workspace]/contacts/actions.ts", name: "createContactAction", page: "/w/:slug/contacts/new" };
const CHANGE_PASSWORD = { file: "app/(app)/w/[workspace]/settings/actions.ts", name: "changePassword", page: "/w/:slug/settings" };

type Action = { file: string; name: string; page: string };
let ids: Map<string, string> | undefined;

/** The id a browser sends in `Next-Action`, from the build's server-reference manifest. */
function actionId({ file, name }: Action): string {
  if (!ids) {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(process.env.NEXT_DIST_DIR || ".next", "server", "server-reference-manifest.json"), "utf8"),
    ) as { node: Record<string, { filename?: string; exportedName?: string }> };
    ids = new Map(Object.entries(manifest.node).map(([id, a]) => [`${a.filename}#${a.exportedName}`, id]));
  }
  const id = ids.get(`${file}#${name}`);
  if (!id) throw new Error(`No server action ${name} in ${file} in this build`);
  return id;
}

/** A client address of its own (rate limits key on it), from a range reserved for tests. */
const someIp = () => `198.18.${randomInt(256)}.${randomInt(1, 255)}`;

type Answer = { status: number; body: string; ms: number; redirect: string | undefined };

async function post(
  request: APIRequestContext,
  baseURL: string,
  action: Action,
  args: unknown[],
  options: { ip?: string; origin?: string } = {},
): Promise<Answer> {
  const started = performance.now();
  const slug = typeof args[0] === "string" ? args[0] : "";
  const response = await request.post(new URL(action.page.replace(":slug", slug), baseURL).toString(), {
    headers: {
      "Next-Action": actionId(action),
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      Origin: options.origin ?? new URL(baseURL).origin,
      "X-Forwarded-For": options.ip ?? someIp(),
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  const body = await response.text();
  const ms = performance.now() - started;
  return { status: response.status(), body, ms, redirect: response.headers()["x-action-redirect"] };
}

const WRONG = "That e-mail and password don't match an account";
/** Where a successful sign-in sends the browser (Next adds ";push" for the client router). */
const HOME = /\/w(;\w+)?$/;
const LOCKED = "Too many attempts";

function signIn(request: APIRequestContext, baseURL: string, email: string, password: string, ip?: string) {
  return post(request, baseURL, SIGN_IN, [{ email, password }], { ip });
}

/** An account made the way a visitor makes one; resolves once its confirmation mail was sent. */
async function account(request: APIRequestContext, baseURL: string, name = "Sec Person") {
  const user = newUser(name);
  const answer = await post(request, baseURL, SIGN_UP, [{ name: user.name, email: user.email, password: user.password, timeZone: "UTC" }]);
  expect(answer.status).toBe(200);
  await waitForMail(user.email, /Confirm your e-mail/, 30_000);
  return user;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const outbox = path.join(E2E_DATA_DIR, "outbox");
const headersOf = new Map<string, string>();

/** How many mails to `to` the outbox holds so far (each file's headers read once). */
function mailsTo(to: string): number {
  let n = 0;
  for (const file of fs.existsSync(outbox) ? fs.readdirSync(outbox).filter((f) => f.endsWith(".eml")) : []) {
    let head = headersOf.get(file);
    if (head === undefined) {
      const raw = fs.readFileSync(path.join(outbox, file), "utf8");
      const end = raw.search(/\r?\n\r?\n/);
      if (end < 0) continue; // still being written: read it again next time
      head = raw.slice(0, end);
      headersOf.set(file, head);
    }
    if (new RegExp(`^To: .*${to.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "im").test(head)) n++;
  }
  return n;
}

/** Resolves once `to` has more than `before` mails: the work an answer left for afterwards is done. */
async function mailArrives(to: string, before: number, answer: Answer): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (mailsTo(to) <= before) {
    if (Date.now() > deadline) throw new Error(`no new mail to ${to} after ${answer.status} ${answer.body}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

type Ask = (known: boolean, i: number) => Promise<Answer>;

/**
 * Known and unknown addresses, asked in turn: the same status and body every time, and
 * median times within ±10 % of each other. An answer may leave work for afterwards (the
 * mails): each ask waits for it before returning, so no measurement runs beside the last
 * one's leftovers. Timing on a shared machine is noisy, so a measurement that misses is
 * repeated, up to three times — a real difference misses every time.
 */
async function expectAlike(label: string, rounds: number, ask: Ask): Promise<string> {
  for (let i = 0; i < 4; i++) await ask(i % 2 === 0, -1 - i); // warm-up: JIT, the dummy hash
  let last = "";
  for (let attempt = 0; attempt < 3; attempt++) {
    const times = { known: [] as number[], unknown: [] as number[] };
    const answers = new Set<string>();
    for (let i = 0; i < rounds; i++) {
      for (const known of i % 2 ? [true, false] : [false, true]) {
        const a = await ask(known, attempt * rounds + i);
        answers.add(`${a.status} ${a.body}`);
        times[known ? "known" : "unknown"].push(a.ms);
      }
    }
    expect([...answers], `${label}: one answer for every address`).toHaveLength(1);
    const k = median(times.known);
    const u = median(times.unknown);
    last = `${label}: median ${k.toFixed(1)} ms known vs ${u.toFixed(1)} ms unknown (${((k / u - 1) * 100).toFixed(1)} %, ${rounds} each)`;
    console.log(last);
    if (Math.abs(k - u) <= 0.1 * Math.min(k, u)) return last;
  }
  throw new Error(`Timing tells known and unknown addresses apart — ${last}`);
}

test.describe.configure({ mode: "serial" });

test("sign-in, sign-up and reset answer alike for known and unknown addresses", { tag: "@alone" }, async ({ request, baseURL }) => {
  test.setTimeout(480_000);
  const base = baseURL!;
  const ROUNDS = 20;
  // Per-address limits allow 5 sign-ups and 5 resets an hour and 10 failed sign-ins a minute;
  // with three tries of 20 rounds, 20 known accounts are asked at most 4 times each.
  const known: Awaited<ReturnType<typeof account>>[] = [];
  for (let i = 0; i < 20; i += 4) {
    known.push(...(await Promise.all([0, 1, 2, 3].map((j) => account(request, base, `Known ${i + j}`)))));
  }
  const pick = (i: number) => known[((i % known.length) + known.length) % known.length]!;
  const stranger = () => `nobody-${randomUUID()}@example.test`;
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
  // After the mail is written the sender still closes its connection and the token write
  // settles: a quiet moment, so the next answer is timed on an idle server.
  const QUIET_MS = 600;

  await expectAlike("sign-in (wrong password)", ROUNDS, async (isKnown, i) => {
    const a = await signIn(request, base, isKnown ? pick(i).email : stranger(), "not the password at all");
    await pause(50);
    return a;
  });
  expect((await signIn(request, base, known[0]!.email, "not the password at all")).body).toContain(WRONG);

  // Both get a mail afterwards: confirmation for a new address, a note to a known one's owner.
  await expectAlike("sign-up", ROUNDS, async (isKnown, i) => {
    const email = isKnown ? pick(i).email : stranger();
    const before = mailsTo(email);
    const a = await post(request, base, SIGN_UP, [{ name: "Someone", email, password: "another long passphrase", timeZone: "UTC" }]);
    await mailArrives(email, before, a);
    await pause(QUIET_MS);
    return a;
  });

  // Only a known address gets a mail; an unknown one is looked up and left. (The mail is sent
  // after the answer, so only the server's load in the next moments differs: see SECURITY.md.)
  await expectAlike("reset", ROUNDS, async (isKnown, i) => {
    const email = isKnown ? pick(i).email : stranger();
    const before = mailsTo(email);
    const a = await post(request, base, FORGOT, [{ email }]);
    if (isKnown) await mailArrives(email, before, a);
    await pause(QUIET_MS);
    return a;
  });

  // The owners heard about the attempts; their passwords still work.
  await waitForMail(known[1]!.email, /You already have a Mutual account/);
  expect((await signIn(request, base, known[1]!.email, known[1]!.password)).redirect).toBeDefined();
});

test("10 wrong passwords lock that account — even against the right one — until the minute is over; others sign in", async ({ request, baseURL }) => {
  test.setTimeout(150_000);
  const base = baseURL!;
  const [target, bystander] = await Promise.all([account(request, base, "Target Person"), account(request, base, "Bystander Person")]);
  const ip = someIp(); // one client throughout: the per-address limit is what is tested

  const started = Date.now();
  for (let i = 0; i < 10; i++) {
    const a = await signIn(request, base, target.email, `wrong guess ${i}`, ip);
    expect(a.body).toContain(WRONG);
  }
  const locked = await signIn(request, base, target.email, target.password, ip);
  expect(locked.redirect).toBeUndefined();
  expect(locked.body).toContain(LOCKED);
  // Case does not get around it: the address is the key.
  expect((await signIn(request, base, target.email.toUpperCase(), target.password, ip)).body).toContain(LOCKED);

  const other = await signIn(request, base, bystander.email, bystander.password, ip);
  expect(other.redirect).toMatch(HOME);

  // Still locked just before the window ends; open once it has.
  await new Promise((r) => setTimeout(r, Math.max(0, started + 50_000 - Date.now())));
  expect((await signIn(request, base, target.email, target.password, ip)).body).toContain(LOCKED);
  await new Promise((r) => setTimeout(r, Math.max(0, started + 62_000 - Date.now())));
  const open = await signIn(request, base, target.email, target.password, ip);
  expect(open.redirect).toMatch(HOME);
});

/** Signs in through the action; the context keeps the session cookie. Returns the personal workspace's slug. */
async function signedIn(request: APIRequestContext, base: string, email: string, password: string): Promise<string> {
  expect((await signIn(request, base, email, password)).redirect).toMatch(HOME);
  const home = await request.get("/w", { maxRedirects: 0 });
  const slug = home.headers()["location"]?.match(/\/w\/([a-z0-9-]+)/)?.[1];
  if (!slug) throw new Error(`No workspace redirect: ${home.status()} ${home.headers()["location"]}`);
  return slug;
}

test("a server action posted from another origin is refused and changes nothing", async ({ request, baseURL }) => {
  const base = baseURL!;
  const user = await account(request, base, "Origin Person");
  const slug = await signedIn(request, base, user.email, user.password);
  const name = `Cross ${randomUUID().slice(0, 8)}`;
  const contact = (n: string) => [slug, { name: n, cadence: "90" }];
  const found = async (n: string) =>
    ((await (await request.get(`/api/w/${slug}/contacts?q=${encodeURIComponent(n)}`)).json()) as { items: { name: string }[] }).items;

  for (const origin of ["https://evil.example", "http://localhost.evil.example", "null"]) {
    const answer = await post(request, base, CREATE_CONTACT, contact(name), { origin });
    expect(answer.status, `Origin: ${origin}`).toBeGreaterThanOrEqual(400);
    expect(answer.redirect).toBeUndefined();
    expect(answer.body).not.toMatch(/\n\s+at |node_modules/);
  }
  expect(await found(name)).toEqual([]);

  // The same request from the app's own origin goes through: it was the origin that was refused.
  const same = await post(request, base, CREATE_CONTACT, contact(name));
  expect(same.redirect).toMatch(new RegExp(`/w/${slug}/contacts/`));
  expect((await found(name)).map((c) => c.name)).toEqual([name]);
});

test("after a password change, the old session cookie replayed is refused; the new one works", async ({ playwright, request, baseURL }) => {
  const base = baseURL!;
  const user = await account(request, base, "Replay Person");
  const slug = await signedIn(request, base, user.email, user.password);
  const cookieName = "authjs.session-token";
  const cookieOf = async (ctx: APIRequestContext) => (await ctx.storageState()).cookies.find((c) => c.name === cookieName)?.value;
  const before = await cookieOf(request);
  expect(before).toBeTruthy();

  const changed = await post(request, base, CHANGE_PASSWORD, [slug, { currentPassword: user.password, newPassword: "a fresh passphrase 42" }]);
  expect(changed.redirect).toMatch(/settings\?saved=password/);
  const after = await cookieOf(request);
  expect(after).toBeTruthy();
  expect(after).not.toBe(before);

  const replay = async (value: string) => {
    const ctx = await playwright.request.newContext({ baseURL: base, extraHTTPHeaders: { Cookie: `${cookieName}=${value}` } });
    const page = await ctx.get(`/w/${slug}/settings`, { maxRedirects: 0 });
    const api = await ctx.get(`/api/w/${slug}/contacts`);
    const outcome = { page: page.status(), location: page.headers()["location"] ?? "", api: api.status() };
    await ctx.dispose();
    return outcome;
  };
  expect(await replay(before!)).toMatchObject({ page: 307, location: expect.stringMatching(/\/sign-in/), api: 404 });
  expect(await replay(after!)).toMatchObject({ page: 200, api: 200 });
});

test("a 64-character, non-ASCII password signs up and signs in through the forms", async ({ page }) => {
  const password = "Grüße aus Köln — 日本語のパスワード ✓ ".padEnd(64, "ß");
  expect([...password]).toHaveLength(64);
  const user = { ...newUser("Ümit Øster"), password };
  const auth = new AuthPages(page);
  const slug = await auth.signUp(user);
  await auth.signOut();
  await auth.signIn(user.email, password.slice(0, -1));
  await expect(page.getByRole("alert").filter({ hasText: "don't match an account" })).toBeVisible();
  await auth.signIn(user.email, password);
  await expect(page).toHaveURL(new RegExp(`/w/${slug}$`));
});
