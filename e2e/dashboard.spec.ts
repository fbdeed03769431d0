import { expect, test } from "@playwright/test";
import { newUser } from "./fixtures/users";
import { AuthPages } from "./pages/auth";
import { ContactPages } from "./pages/contacts";
import { LedgerPanel } from "./pages/ledger";

test("a new user sees what to do first, not empty charts", async ({ page }) => {
  await new AuthPages(page).signUp(newUser("Fiona First"));
  await expect(page.getByRole("heading", { name: "Start with the people you know" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Add your first contact" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import contacts" })).toBeVisible();
  await expect(page.getByText("Your relationships by balance")).toHaveCount(0);
});

test("after a few entries the headline, lists and charts show the right people and numbers", async ({ page }) => {
  // A whole journey (sign-up, two contacts, four logs, filter, quick log): on a busy 2-core machine it outlasts the default minute.
  test.slow();
  const slug = await new AuthPages(page).signUp(newUser("Dana Dashboard"));
  const contacts = new ContactPages(page, slug);
  const ledger = new LedgerPanel(page);

  await contacts.add({ name: "Owen Owed", needs: "A publisher for the memoir", tags: "author" });
  await ledger.logAndWait({ who: "I received", kind: "referral", summary: "Owen referred a client" });
  await contacts.add({ name: "Gina Given", offers: "Publisher introductions", tags: "publisher" });
  await ledger.logAndWait({ who: "I gave", kind: "intro", summary: "Introduced Gina to Sam" });
  await ledger.logAndWait({ who: "I gave", kind: "advice", summary: "Advice on her pitch" });

  await page.goto(`/w/${slug}`);
  const stat = (label: string) => page.getByText(label, { exact: true }).locator("..");
  await expect(stat("Gave, 90 days")).toContainText("2");
  await expect(stat("Gave, 90 days")).toContainText("weight 5");
  await expect(stat("Received, 90 days")).toContainText("1");
  await expect(stat("Gives this week")).toContainText("2");
  await expect(stat("Give streak")).toContainText("1");

  const giveBack = page.getByRole("list", { name: "Give back" });
  await expect(giveBack.getByRole("link", { name: "Owen Owed" })).toBeVisible();
  await expect(giveBack.getByText("Needs: A publisher for the memoir")).toBeVisible();
  await expect(giveBack.getByRole("link", { name: "Gina Given" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Intro ideas" })).toContainText("Owen Owed needs what Gina Given offers");

  // The charts carry their numbers for screen readers too.
  await expect(page.getByRole("table", { name: /Weighted gives and takes per week/ })).toContainText("5");

  // The charts answer a pointer too.
  await page.getByRole("img", { name: /Gives and takes per week/ }).locator("[data-week]").last().hover();
  await expect(page.getByText(/^Week of \d{4}-\d{2}-\d{2}: gave 5, received 5$/)).toBeVisible();

  // The focus filter narrows the lists to one tag in place, without a navigation.
  const url = page.url();
  const focus = page.getByLabel("Focus the lists on");
  await focus.focus();
  await focus.selectOption("publisher");
  await expect(page.getByText("Nobody tagged “publisher” you owe right now.")).toBeVisible();
  await focus.selectOption("author");
  await expect(giveBack.getByRole("link", { name: "Owen Owed" })).toBeVisible();
  await focus.selectOption("");
  expect(page.url()).toBe(url);

  // One-click log from the list moves Owen out of "give back" without a reload.
  await giveBack.getByRole("button", { name: "Log with Owen Owed" }).click();
  const dialog = page.getByRole("dialog", { name: "Quick log" });
  await dialog.getByLabel("What was it?").selectOption("referral");
  await dialog.getByLabel("Summary").fill("Referred a client back to Owen");
  await dialog.getByRole("button", { name: "Log it" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Nobody you owe right now. Lovely.")).toBeVisible();
  await expect(stat("Gave, 90 days")).toContainText("3");
  await expect(stat("Balanced")).toContainText("50 %");
});
