import { expect, test } from "@playwright/test";
import { newUser } from "./fixtures/users";
import { waitForMail } from "./fixtures/mail";
import { AuthPages } from "./pages/auth";
import { ContactPages } from "./pages/contacts";
import { TeamPage } from "./pages/team";

/** The invitation link in a mail body. */
function inviteLink(text: string): string {
  const match = text.match(/https?:\/\/[^\s"<>]+\/invite\/[A-Za-z0-9_-]+/);
  if (!match) throw new Error(`No invitation link in mail:\n${text}`);
  return match[0];
}

test("an owner invites a teammate, who joins through the mailed link, sees team notes but not private ones, and is removed", async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  const owner = newUser("Olivia Owner");
  await new AuthPages(page).signUp(owner);
  await page.goto("/workspaces/new");
  await page.getByLabel("Workspace name").fill(`Acme ${Date.now()}`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/acme-/);
  const slug = new AuthPages(page).workspaceSlug();

  const contacts = new ContactPages(page, slug);
  const contactId = await contacts.add({ name: "Grace Shared", company: "Harbor" });
  await contacts.addNote("Owner's private thought about Grace", "private");
  await contacts.addNote("Grace is hiring two engineers", "team");

  const team = new TeamPage(page, slug);
  await team.open();
  const mate = newUser("Tess Teammate");
  await team.invite(mate.email);
  await expect(team.invitation(mate.email)).toBeVisible();

  // The teammate follows the link from the mail (sent through the run's SMTP server).
  const link = inviteLink(await waitForMail(mate.email, /invited you to/));
  const mateContext = await browser.newContext();
  const matePage = await mateContext.newPage();
  await matePage.goto(link);
  await expect(matePage.getByRole("heading", { name: /^Join Acme/ })).toBeVisible();
  await matePage.getByRole("link", { name: "Create an account" }).click();
  await expect(matePage.getByLabel("E-mail")).toHaveValue(mate.email);
  await matePage.getByLabel("Your name").fill(mate.name);
  await matePage.getByLabel("Password").fill(mate.password);
  await matePage.getByRole("button", { name: "Create account" }).click();
  await expect(matePage.getByText("Check your inbox.")).toBeVisible();
  await waitForMail(mate.email, /Confirm your e-mail/);
  // Signing in from the answer comes back to the invitation.
  await matePage.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).first().click();
  await matePage.getByLabel("E-mail").fill(mate.email);
  await matePage.getByLabel("Password").fill(mate.password);
  await matePage.getByRole("button", { name: "Sign in" }).click();
  await expect(matePage).toHaveURL(/\/invite\//);
  await matePage.getByRole("button", { name: /^Join Acme/ }).click();
  await expect(matePage).toHaveURL(new RegExp(`/w/${slug}`));

  // Shared contacts and team notes, never the owner's private note.
  await matePage.goto(`/w/${slug}/contacts/${contactId}`);
  await expect(matePage.getByRole("heading", { level: 1, name: "Grace Shared" })).toBeVisible();
  await expect(new ContactPages(matePage, slug).notes().getByText("Grace is hiring two engineers")).toBeVisible();
  await expect(matePage.getByText("Owner's private thought")).toHaveCount(0);
  // A team note is the team's to keep current: the teammate edits its text (sharing and deleting stay the author's).
  const teamNote = new ContactPages(matePage, slug).notes().getByRole("listitem").filter({ hasText: "Grace is hiring two engineers" });
  await expect(teamNote.getByRole("button", { name: "Make private" })).toHaveCount(0);
  await teamNote.getByRole("button", { name: "Edit" }).click();
  await matePage.getByLabel("Edit note").fill("Grace is hiring two engineers and a designer");
  await matePage.getByRole("button", { name: "Save", exact: true }).click();
  await expect(new ContactPages(matePage, slug).notes().getByText("Grace is hiring two engineers and a designer")).toBeVisible();
  await matePage.goto(`/w/${slug}/contacts?q=private+thought`);
  await expect(matePage.getByRole("link", { name: "Grace Shared" })).toHaveCount(0);

  // The feed shows what the team did, and the join; not the private note.
  await matePage.goto(`/w/${slug}/team`);
  const feed = new TeamPage(matePage, slug).region("What the team did");
  await expect(feed.getByText("Tess Teammate joined the workspace")).toBeVisible();
  await expect(feed.getByText(/Olivia Owner\s*shared a note about\s*Grace Shared/)).toHaveCount(1);
  await expect(matePage.getByRole("heading", { name: "Audit log" })).toHaveCount(0);

  // The owner sees the teammate's edit of the team note.
  await page.goto(`/w/${slug}/contacts/${contactId}`);
  await expect(contacts.notes().getByText("Grace is hiring two engineers and a designer")).toBeVisible();

  // The owner makes them admin, then removes them: their next request is refused.
  await team.open();
  await team.setRole(mate.name, "Admin");
  await expect(team.region("Audit log").getByText(/changed the role of\s*Tess Teammate/)).toBeVisible();
  await team.remove(mate.name);
  await expect(team.region("Audit log").getByText(/removed\s*Tess Teammate/)).toBeVisible();

  const refused = await matePage.goto(`/w/${slug}/contacts`);
  expect(refused?.status()).toBe(404);
  await expect(matePage.getByText("Grace Shared")).toHaveCount(0);
  await mateContext.close();
});

test("an invitation is refused to another signed-in address, with a clear message", async ({ browser, page }) => {
  const owner = newUser("Omar Owner");
  await new AuthPages(page).signUp(owner);
  await page.goto("/workspaces/new");
  await page.getByLabel("Workspace name").fill(`Orbit ${Date.now()}`);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/orbit-/);
  const slug = new AuthPages(page).workspaceSlug();
  const invited = newUser("Ivy Invited");
  const team = new TeamPage(page, slug);
  await team.open();
  await team.invite(invited.email);
  const link = inviteLink(await waitForMail(invited.email, /invited you to/));

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await new AuthPages(other).signUp(newUser("Sam Someone"));
  await other.goto(link);
  await expect(other.getByRole("alert").filter({ hasText: "this invitation is for" })).toContainText(invited.email);
  await expect(other.getByRole("button", { name: /^Join/ })).toHaveCount(0);

  // Revoked, the link stops working.
  await team.open();
  const row = team.invitation(invited.email);
  await row.getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(row).toHaveCount(0);
  await other.goto(link);
  await expect(other.getByRole("heading", { name: "This invitation link doesn't work" })).toBeVisible();
  await otherContext.close();
});
