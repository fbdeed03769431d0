import { expect, test, type Page } from "@playwright/test";
import { newUser } from "./fixtures/users";
import { AuthPages } from "./pages/auth";
import { ContactPages } from "./pages/contacts";
import { LedgerPanel } from "./pages/ledger";

const DAY = 86_400_000;
/** A calendar date (YYYY-MM-DD) `offset` days after the Monday of the week before this one (UTC, the browser's zone here). */
function lastWeek(offset: number): string {
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  const monday = today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY;
  return new Date(monday - 7 * DAY + offset * DAY).toISOString().slice(0, 10);
}
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString().slice(0, 10);

async function seedLastWeek(page: Page, slug: string) {
  const contacts = new ContactPages(page, slug);
  const ledger = new LedgerPanel(page);
  await contacts.add({ name: "Owen Owed", needs: "A publisher for the memoir" });
  await ledger.logAndWait({ who: "I received", kind: "referral", summary: "Owen referred a client", date: lastWeek(2) });
  await contacts.add({ name: "Gina Given", offers: "Publisher introductions" });
  await ledger.logAndWait({ who: "I gave", kind: "intro", summary: "Introduced Gina to Sam", date: lastWeek(3) });
  await contacts.add({ name: "Cora Cold", cadence: "Month" });
  await ledger.logAndWait({ who: "We met / talked", kind: "call", summary: "Long call about her move", date: daysAgo(100) });
}

test("the digest shows last week's sections, and earlier weeks as they were", async ({ page }) => {
  // Three contacts and three entries through the UI first.
  test.setTimeout(120_000);
  const slug = await new AuthPages(page).signUp(newUser("Dora Digest"));
  await seedLastWeek(page, slug);

  await page.goto(`/w/${slug}/digest`);
  await expect(page.getByRole("heading", { level: 1, name: /^Your week, / })).toBeVisible();
  const numbers = page.getByRole("region", { name: "The week in numbers" });
  await expect(numbers).toContainText("You gave once and received once");
  await expect(numbers.getByText("Gave", { exact: true }).locator("..")).toContainText("1");

  const giveBack = page.getByRole("list", { name: "Give back" });
  await expect(giveBack.getByRole("link", { name: "Owen Owed" })).toBeVisible();
  await expect(giveBack).toContainText("They need: A publisher for the memoir. Could you help with that?");
  await expect(giveBack.getByRole("link", { name: "Gina Given" })).toHaveCount(0);

  const cold = page.getByRole("list", { name: "Going cold" });
  await expect(cold.getByRole("link", { name: "Cora Cold" })).toBeVisible();
  await expect(cold).toContainText("(you aim for every 30)");
  await expect(page.getByRole("list", { name: "Intro ideas" })).toContainText("Owen Owed needs what Gina Given offers");
  await expect(page.getByRole("heading", { name: "Your give streak" })).toBeVisible();
  // Sections with nothing to say are left out.
  await expect(page.getByRole("heading", { name: "Promises due" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "From your team" })).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Weeks" }).getByRole("link", { name: /Next week/ })).toHaveCount(0);

  // The week before: Cora was already cold, but Owen's favour had not happened yet.
  await page.getByRole("navigation", { name: "Weeks" }).getByRole("link", { name: /Previous week/ }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${slug}/digest/\\d{4}-W\\d{2}$`));
  await expect(page.getByRole("list", { name: "Going cold" }).getByRole("link", { name: "Cora Cold" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Give back" })).toHaveCount(0);
  await page.getByRole("navigation", { name: "Weeks" }).getByRole("link", { name: /Next week/ }).click();
  await expect(page.getByRole("list", { name: "Give back" }).getByRole("link", { name: "Owen Owed" })).toBeVisible();

  // One click from the digest to give back.
  await page.getByRole("list", { name: "Give back" }).getByRole("button", { name: "Log with Owen Owed" }).click();
  await expect(page.getByRole("dialog", { name: "Quick log" })).toBeVisible();
});

test("a new member's first digest is a quiet week with a nudge; a week that doesn't exist is not found", async ({ page }) => {
  const slug = await new AuthPages(page).signUp(newUser("Quinn Quiet"));
  await page.goto(`/w/${slug}/digest`);
  await expect(page.getByRole("heading", { name: "A quiet week" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to your contacts" })).toBeVisible();
  await page.goto(`/w/${slug}/digest/2026-W99`);
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
});

test("digest preferences save: day, hour, and off", async ({ page }) => {
  const slug = await new AuthPages(page).signUp(newUser("Petra Prefs"));
  await page.goto(`/w/${slug}/settings`);
  const form = page.getByRole("form", { name: "Weekly digest" });
  const enabled = form.getByLabel("Send me the weekly digest by e-mail");
  await expect(enabled).toBeChecked();
  await expect(form.getByLabel("Day")).toHaveValue("1");
  await expect(form.getByLabel("Hour")).toHaveValue("8");
  // Not confirmed yet: it says so, without blame.
  await expect(form.getByText(/only send the digest to a confirmed address/)).toBeVisible();

  await form.getByLabel("Day").selectOption({ label: "Friday" });
  await form.getByLabel("Hour").selectOption({ label: "17:00" });
  await form.getByRole("button", { name: "Save digest settings" }).click();
  await expect(form.getByText("Saved. See you then.")).toBeVisible();
  await page.reload();
  await expect(form.getByLabel("Day")).toHaveValue("5");
  await expect(form.getByLabel("Hour")).toHaveValue("17");

  await form.getByLabel("Send me the weekly digest by e-mail").uncheck();
  await form.getByRole("button", { name: "Save digest settings" }).click();
  await expect(form.getByText("Saved. No more digests by e-mail.")).toBeVisible();
  await page.reload();
  await expect(form.getByLabel("Send me the weekly digest by e-mail")).not.toBeChecked();
  await expect(form.getByLabel("Day")).toHaveValue("5");
});

test("an unsubscribe link that was tampered with changes nothing and says so", async ({ page }) => {
  await page.goto(`/unsubscribe?u=00000000-0000-4000-8000-000000000000&t=${"A".repeat(43)}`);
  await expect(page.getByRole("heading", { name: "This link doesn't work" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Unsubscribe" })).toHaveCount(0);
  const res = await page.request.post(`/unsubscribe/one-click?u=00000000-0000-4000-8000-000000000000&t=${"A".repeat(43)}`, {
    form: { "List-Unsubscribe": "One-Click" },
  });
  expect(res.status()).toBe(403);
});
