import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { newUser } from "./fixtures/users";
import { AuthPages } from "./pages/auth";
import { postAction } from "./support/server-actions";

/**
 * The isolation matrix: every page, route handler and server action that takes a slug or an
 * id, called by someone who may not — an outsider, a plain member, nobody — directly (server
 * actions as a bare POST with their id), never only through the UI. Each must answer "not
 * found" or refuse, and change nothing.
 */

const CONTACTS = "app/(app)/w/[workspace]/contacts/actions.ts";
const LEDGER = "components/ledger/actions.ts";
const TEAM = "app/(app)/w/[workspace]/team/actions.ts";
const SETTINGS = "app/(app)/w/[workspace]/settings";

type Session = { request: APIRequestContext; slug: string; close: () => Promise<void> };

async function signedUp(browser: Browser, baseURL: string, name: string): Promise<Session> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const slug = await new AuthPages(page).signUp(newUser(name));
  await page.close();
  return { request: context.request, slug, close: () => context.close() };
}

/**
 * The action's result from its RSC answer: row 0 names the row that holds it ("a":"$@1"),
 * and that row is next-safe-action's `{data?, serverError?, validationErrors?}`. Null when the
 * answer carries no result (a 404, a redirect, an error page).
 */
function resultOf(body: string): Record<string, unknown> | null {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const m = line.match(/^([0-9a-f]+):(.*)$/);
    if (m?.[1] && m[2]) rows.set(m[1], m[2]);
  }
  try {
    const head = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
    const ref = head?.a?.match(/^\$@([0-9a-f]+)$/)?.[1];
    const row = ref ? rows.get(ref) : undefined;
    return row ? (JSON.parse(row) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

type Outcome = { status: number; result: Record<string, unknown> | null; body: string };

async function call(s: Session, baseURL: string, file: string, name: string, args: unknown[]): Promise<Outcome> {
  const response = await postAction(s.request, baseURL, { file, name }, args);
  const body = await response.text();
  return { status: response.status(), result: resultOf(body), body };
}

const succeeded = (r: Outcome) =>
  r.status === 200 && r.result !== null && !("serverError" in r.result) && !("validationErrors" in r.result);

/** Must succeed: used to build the owner's data. */
async function ok(s: Session, baseURL: string, file: string, name: string, args: unknown[]) {
  const r = await call(s, baseURL, file, name, args);
  if (!succeeded(r)) throw new Error(`${name} failed (${r.status}): ${r.body.slice(0, 500)}`);
  return (r.result?.data ?? {}) as Record<string, unknown>;
}

/** Refused: a 404, a redirect to sign-in, or an error message — never a result without one. */
function expectRefused(r: Outcome, what: string) {
  expect(succeeded(r), `${what} must not succeed (${r.status}: ${r.body.slice(0, 300)})`).toBe(false);
  expect(r.body, `${what} must not leak internals`).not.toMatch(/at \w+ \(|SELECT |postgres|drizzle/i);
}

test("outsiders, plain members and anonymous callers can't read or change a workspace's data", async ({ browser, baseURL, playwright }) => {
  test.setTimeout(240_000);
  const base = baseURL!;
  const owner = await signedUp(browser, base, "Olga Owner");
  const outsider = await signedUp(browser, base, "Otto Outsider");

  // The owner's team workspace, a contact with a private and a team note, a log and a promise.
  const ownerPage = await (await browser.newContext({ baseURL: base, storageState: await owner.request.storageState() })).newPage();
  await ownerPage.goto("/workspaces/new");
  const teamName = `Vault ${Date.now()}`;
  await ownerPage.getByLabel("Workspace name").fill(teamName);
  await ownerPage.getByRole("button", { name: "Create workspace" }).click();
  await expect(ownerPage).toHaveURL(/\/w\/vault-/);
  const team = new AuthPages(ownerPage).workspaceSlug();

  const contactName = `Secret Sam ${randomUUID().slice(0, 6)}`;
  await ownerPage.goto(`/w/${team}/contacts/new`);
  await ownerPage.getByLabel("Name", { exact: true }).fill(contactName);
  await ownerPage.getByRole("button", { name: "Add contact" }).click();
  await expect(ownerPage.getByRole("heading", { level: 1, name: contactName })).toBeVisible();
  const contactId = new URL(ownerPage.url()).pathname.split("/").pop()!;

  const privateNote = await ok(owner, base, CONTACTS, "createNoteAction", [
    team,
    { contactId, body: "owner-only-whisper", visibility: "private" },
  ]);
  const teamNote = await ok(owner, base, CONTACTS, "createNoteAction", [
    team,
    { contactId, body: "team-visible-fact", visibility: "team" },
  ]);
  const logged = await ok(owner, base, LEDGER, "logInteractionAction", [
    team,
    { contactId, direction: "gave", kind: "advice", weight: 2, date: "2026-01-05", summary: "owner-gave-advice" },
  ]);
  const promised = await ok(owner, base, LEDGER, "createPromiseAction", [
    team,
    { contactId, description: "owner-promised-intro", dueOn: "" },
  ]);
  const invited = await ok(owner, base, TEAM, "inviteAction", [team, { email: `pending-${randomUUID()}@example.test`, role: "member" }]);
  expect(invited.email).toBeTruthy();
  const invitationId = await pendingInvitationId(owner, team, String(invited.email));

  // A plain member of the team.
  const member = await signedUp(browser, base, "Mia Member");
  const memberEmail = (await (await member.request.get("/api/auth/session")).json()).user.email as string;
  const invite = await ok(owner, base, TEAM, "inviteAction", [team, { email: memberEmail, role: "member" }]);
  expect(invite.email).toBe(memberEmail);
  const memberId = await userIdOf(member);
  const ownerId = await userIdOf(owner);
  // (The member joins through the link in the teams spec; here the accept action is called directly.)
  const token = await tokenFromOutbox(memberEmail);
  // Accepting redirects into the workspace; the membership shows in the next request.
  await call(member, base, "app/(auth)/invite/[token]/actions.ts", "acceptInvitationAction", [{ token }]);
  expect((await member.request.get(`/w/${team}/contacts`)).status()).toBe(200);

  const anonymous = await playwright.request.newContext({ baseURL: base });
  const noSession: Session = { request: anonymous, slug: "", close: () => anonymous.dispose() };

  // Pages and route handlers: an outsider (and nobody) gets 404 or the sign-in page, and no data.
  const pages = [
    `/w/${team}`,
    `/w/${team}/contacts`,
    `/w/${team}/contacts/${contactId}`,
    `/w/${team}/contacts/${contactId}/edit`,
    `/w/${team}/contacts/new`,
    `/w/${team}/team`,
    `/w/${team}/digest`,
    `/w/${team}/settings`,
    `/w/${team}/import`,
    `/w/${team}/digest/2026-W47`,
    `/api/w/${team}/contacts`,
    `/api/w/${team}/dashboard`,
    `/api/w/${team}/dashboard/lists`,
    `/api/w/${team}/dashboard/tags`,
    `/api/w/${team}/export?format=csv`,
    `/api/w/${team}/export?format=vcard`,
    // The outsider's own workspace with the team's contact id.
    `/w/${outsider.slug}/contacts/${contactId}`,
    `/w/${outsider.slug}/contacts/${contactId}/edit`,
  ];
  for (const path of pages) {
    const r = await outsider.request.get(path, { maxRedirects: 0 });
    expect(r.status(), `outsider GET ${path}`).toBe(404);
    expect(await r.text(), `outsider GET ${path}`).not.toContain(contactName);
    const anon = await anonymous.get(path, { maxRedirects: 0 });
    expect([302, 303, 307, 401, 404], `anonymous GET ${path}`).toContain(anon.status());
    expect(await anon.text()).not.toContain(contactName);
  }
  // A request that claims to be Next's own middleware sub-request gets nothing either.
  const spoofed = await outsider.request.get(`/w/${team}/contacts`, {
    headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
  });
  expect(spoofed.status()).toBe(404);

  // Writing route handlers: logging an entry and importing a file, into the team or with the team's contact.
  const entry = { contactId, direction: "received", kind: "advice", weight: 5, date: "2026-01-06", summary: "intruder" };
  const json = { headers: { origin: base, "content-type": "application/json" } };
  for (const [who, ctx, slug] of [["outsider", outsider.request, team], ["outsider, own slug", outsider.request, outsider.slug], ["anonymous", anonymous, team]] as const) {
    const logged = await ctx.post(`/api/w/${slug}/interactions`, { ...json, data: { ...entry, id: randomUUID() } });
    expect(logged.status(), `${who} POST interactions`).toBe(404);
  }
  for (const [who, ctx] of [["outsider", outsider.request], ["anonymous", anonymous]] as const) {
    const imported = await ctx.post(`/api/w/${team}/import`, {
      headers: { origin: base },
      multipart: {
        file: { name: "people.csv", mimeType: "text/csv", buffer: Buffer.from("Name,Email\nImported Intruder,ii@example.test\n") },
        options: JSON.stringify({ step: "commit", onDuplicate: "merge" }),
      },
    });
    expect(imported.status(), `${who} POST import`).toBe(404);
  }
  expect((await anonymous.get("/api/account/export", { maxRedirects: 0 })).status()).not.toBe(200);

  // Every workspace action, by an outsider with the team's slug, and with their own slug and the team's ids.
  const attempts: [string, string, unknown][] = [
    [CONTACTS, "createContactAction", { name: "Intruder" }],
    [CONTACTS, "updateContactAction", { id: contactId, version: 1, name: "Renamed by intruder" }],
    [CONTACTS, "setArchivedAction", { id: contactId, archived: true }],
    [CONTACTS, "deleteContactAction", { id: contactId }],
    [CONTACTS, "createNoteAction", { contactId, body: "intruder note", visibility: "team" }],
    [CONTACTS, "updateNoteAction", { id: teamNote.id, body: "defaced", version: 1 }],
    [CONTACTS, "setNoteVisibilityAction", { id: privateNote.id, visibility: "team" }],
    [CONTACTS, "deleteNoteAction", { id: teamNote.id }],
    [LEDGER, "logInteractionAction", { contactId, direction: "received", kind: "advice", weight: 5, date: "2026-01-06", summary: "intruder" }],
    [LEDGER, "updateInteractionAction", { id: logged.id, direction: "received", kind: "advice", weight: 5, date: "2026-01-06", summary: "defaced" }],
    [LEDGER, "deleteInteractionAction", { id: logged.id }],
    [LEDGER, "createPromiseAction", { contactId, description: "intruder promise", dueOn: "" }],
    [LEDGER, "completePromiseAction", { id: promised.id, kind: "favor", weight: 3, summary: "done" }],
    [LEDGER, "cancelPromiseAction", { id: promised.id }],
    [TEAM, "inviteAction", { email: `intruder-${randomUUID()}@example.test`, role: "owner" }],
    [TEAM, "changeRoleAction", { userId: ownerId, role: "member" }],
    [TEAM, "removeMemberAction", { userId: ownerId }],
    [TEAM, "renameWorkspaceAction", { name: "Pwned" }],
    [TEAM, "leaveWorkspaceAction", undefined],
    [TEAM, "resendInvitationAction", { id: invitationId }],
    [TEAM, "revokeInvitationAction", { id: invitationId }],
    [`${SETTINGS}/workspace-actions.ts`, "deleteWorkspaceAction", { confirmation: teamName }],
    [`${SETTINGS}/digest-actions.ts`, "saveDigestPreferences", { enabled: false, weekday: 3, hour: 9 }],
    [`${SETTINGS}/actions.ts`, "saveProfile", { name: "Renamed by intruder", timeZone: "UTC" }],
  ];
  const teamIds = [contactId, teamNote.id, privateNote.id, logged.id, promised.id, ownerId, invitationId].map(String);
  for (const [file, name, input] of attempts) {
    const args = input === undefined ? [] : [input];
    expectRefused(await call(outsider, base, file, name, [team, ...args]), `outsider ${name} on the team`);
    expectRefused(await call(noSession, base, file, name, [team, ...args]), `anonymous ${name}`);
    // Their own workspace paired with one of the team's ids: "not found", as if it didn't exist.
    if (teamIds.some((id) => JSON.stringify(input ?? {}).includes(id))) {
      expectRefused(await call(outsider, base, file, name, [outsider.slug, ...args]), `outsider ${name} with the team's ids`);
    }
  }

  // A plain member may use the workspace, but not act as an admin or owner, nor touch others' entries.
  const memberAttempts: [string, string, unknown][] = [
    [TEAM, "inviteAction", { email: `by-member-${randomUUID()}@example.test`, role: "member" }],
    [TEAM, "changeRoleAction", { userId: memberId, role: "owner" }],
    [TEAM, "removeMemberAction", { userId: ownerId }],
    [TEAM, "renameWorkspaceAction", { name: "Member rename" }],
    [CONTACTS, "deleteContactAction", { id: contactId }],
    [CONTACTS, "updateNoteAction", { id: privateNote.id, body: "member edit of owner's private note", version: 1 }],
    [CONTACTS, "setNoteVisibilityAction", { id: privateNote.id, visibility: "team" }],
    [CONTACTS, "deleteNoteAction", { id: teamNote.id }],
    [LEDGER, "updateInteractionAction", { id: logged.id, direction: "received", kind: "advice", weight: 5, date: "2026-01-06", summary: "defaced" }],
    [LEDGER, "deleteInteractionAction", { id: logged.id }],
    [LEDGER, "cancelPromiseAction", { id: promised.id }],
    [TEAM, "resendInvitationAction", { id: invitationId }],
    [TEAM, "revokeInvitationAction", { id: invitationId }],
    [`${SETTINGS}/workspace-actions.ts`, "deleteWorkspaceAction", { confirmation: teamName }],
  ];
  for (const [file, name, input] of memberAttempts) {
    expectRefused(await call(member, base, file, name, [team, input]), `member ${name}`);
  }
  // …while what a member may do still works through the same door (the matrix is not vacuous).
  await ok(member, base, LEDGER, "logInteractionAction", [
    team,
    { contactId, direction: "received", kind: "advice", weight: 1, date: "2026-01-07", summary: "member-got-advice" },
  ]);
  // Extra fields are refused, not ignored.
  expectRefused(
    await call(member, base, CONTACTS, "createNoteAction", [team, { contactId, body: "x", visibility: "team", authorId: ownerId }]),
    "createNote with authorId",
  );
  expectRefused(
    await call(owner, base, CONTACTS, "createContactAction", [team, { name: "Smuggler", workspaceId: randomUUID() }]),
    "createContact with workspaceId",
  );

  // Nothing changed: the owner still sees everything as it was.
  const contactPage = await owner.request.get(`/w/${team}/contacts/${contactId}`);
  const html = await contactPage.text();
  for (const text of [contactName, "owner-only-whisper", "team-visible-fact", "owner-gave-advice", "owner-promised-intro"]) {
    expect(html, text).toContain(text);
  }
  for (const text of ["Intruder", "intruder", "defaced", "Renamed by intruder", "Smuggler", "Imported Intruder"]) expect(html).not.toContain(text);
  const teamHtml = await (await owner.request.get(`/w/${team}/team`)).text();
  expect(teamHtml).not.toContain("Pwned");
  expect(teamHtml).not.toContain("Member rename");
  expect(teamHtml).not.toContain("intruder-");
  expect(teamHtml).not.toContain("by-member-");
  expect(teamHtml, "the pending invitation was neither revoked nor lost").toContain(String(invited.email));
  expect(teamHtml).toContain(teamName);
  const list = (await (await owner.request.get(`/api/w/${team}/contacts`)).json()) as { items: { name: string }[] };
  expect(list.items.map((c) => c.name)).toEqual([contactName]);

  // The member never sees the owner's private note: page, search, feed.
  const memberView = await (await member.request.get(`/w/${team}/contacts/${contactId}`)).text();
  expect(memberView).toContain("team-visible-fact");
  expect(memberView).not.toContain("owner-only-whisper");
  const search = (await (await member.request.get(`/api/w/${team}/contacts?q=whisper`)).json()) as { items: unknown[] };
  expect(search.items).toEqual([]);
  expect(await (await member.request.get(`/w/${team}/team`)).text()).not.toContain("owner-only-whisper");

  // Removed, the member is refused on the very next request, pages and actions alike.
  await ok(owner, base, TEAM, "removeMemberAction", [team, { userId: memberId }]);
  expect((await member.request.get(`/w/${team}/contacts`)).status()).toBe(404);
  expectRefused(
    await call(member, base, CONTACTS, "createNoteAction", [team, { contactId, body: "after removal", visibility: "team" }]),
    "removed member createNote",
  );

  await Promise.all([owner.close(), outsider.close(), member.close(), noSession.close(), ownerPage.context().close()]);
});

/** A pending invitation's id, as the team page hands it to its revoke and re-send buttons. */
async function pendingInvitationId(s: Session, slug: string, email: string): Promise<string> {
  const html = await (await s.request.get(`/w/${slug}/team`)).text();
  const escaped = email.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const match = html.match(new RegExp(`id\\\\?":\\\\?"([0-9a-f-]{36})\\\\?",\\\\?"email\\\\?":\\\\?"${escaped}`));
  if (!match?.[1]) throw new Error(`no invitation id for ${email} on the team page`);
  return match[1];
}

async function userIdOf(s: Session): Promise<string> {
  const session = (await (await s.request.get("/api/auth/session")).json()) as { user?: { id?: string } };
  if (!session.user?.id) throw new Error("no user id in session");
  return session.user.id;
}

async function tokenFromOutbox(email: string): Promise<string> {
  const { waitForMail } = await import("./fixtures/mail");
  const text = await waitForMail(email, /invited you to/);
  const match = text.match(/\/invite\/([A-Za-z0-9_-]+)/);
  if (!match?.[1]) throw new Error("no token in invitation mail");
  return match[1];
}
