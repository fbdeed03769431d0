import { expect, test } from "@playwright/test";
import { newUser } from "./fixtures/users";
import { AuthPages } from "./pages/auth";
import { ContactPages } from "./pages/contacts";
import { LedgerPanel } from "./pages/ledger";

test("the getting-started guide ticks itself off from what the user does, then steps aside", async ({ page }) => {
  const slug = await new AuthPages(page).signUp(newUser("Nora Newcomer"));
  const guide = page.getByRole("region", { name: "Start with the people you know" });
  await expect(guide).toContainText("0 of 3 steps done");

  const contacts = new ContactPages(page, slug);
  await contacts.add({ name: "Paul Peer", needs: "A designer for his shop" });
  await page.goto(`/w/${slug}`);
  await expect(guide).toContainText("1 of 3 steps done");
  await expect(guide.getByText("Add a few people (done)")).toBeVisible();
  await expect(guide.getByRole("link", { name: "Add someone else" })).toBeVisible();

  await page.goto(`/w/${slug}/contacts`);
  await contacts.listLink("Paul Peer").click();
  await new LedgerPanel(page).logAndWait({ who: "I gave", kind: "intro", summary: "Introduced Paul to a designer" });
  await page.goto(`/w/${slug}`);
  await expect(page.getByText("Your relationships by balance")).toBeVisible();
  await expect(guide).toHaveCount(0);
});

test("the guide can be skipped, and stays skipped", async ({ page }) => {
  const slug = await new AuthPages(page).signUp(newUser("Sam Skipper"));
  const guide = page.getByRole("region", { name: "Start with the people you know" });
  await guide.getByRole("button", { name: "Skip the guide" }).click();
  await expect(guide).toHaveCount(0);
  await expect(page.getByText("Guide hidden", { exact: true })).toBeVisible();
  // An empty dashboard still says what to do first.
  await expect(page.getByRole("heading", { name: "Your network starts here" })).toBeVisible();

  await page.goto(`/w/${slug}`);
  await expect(page.getByRole("heading", { name: "Your network starts here" })).toBeVisible();
  await expect(guide).toHaveCount(0);
});
