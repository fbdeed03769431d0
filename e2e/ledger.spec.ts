import { expect, test, type Page } from "@playwright/test";
import { newUser } from "./fixtures/users";
import { AuthPages } from "./pages/auth";
import { ContactPages } from "./pages/contacts";
import { LedgerPanel } from "./pages/ledger";

async function withContact(page: Page, name: string) {
  const slug = await new AuthPages(page).signUp(newUser("Lena Giver"));
  const contacts = new ContactPages(page, slug);
  await contacts.add({ name, company: "Ledger Labs" });
  return { slug, contacts, ledger: new LedgerPanel(page) };
}

test("giving moves the gauge towards giving; receiving more turns it to owing; an ask then warns first", async ({ page }) => {
  const { ledger } = await withContact(page, "Grace Giver");
  await expect(ledger.state()).toHaveText("Balanced");
  await expect(page.getByText("Nothing logged yet.")).toBeVisible();

  await ledger.logAndWait({ who: "I gave", kind: "intro", summary: "Introduced her to Carol" });
  await expect(ledger.state()).toHaveText("You give more");

  await ledger.logAndWait({ who: "I received", kind: "referral", summary: "She referred a client" });
  await ledger.logAndWait({ who: "I received", kind: "advice", summary: "Advice on pricing" });
  await expect(ledger.state()).toHaveText("Time to give back");

  await page.getByText("Why this score?").click();
  await expect(page.getByText("You received: She referred a client")).toBeVisible();

  await ledger.log({ who: "I received", kind: "ask", summary: "Asked for an intro to her boss" });
  const warning = page.getByRole("alert").filter({ hasText: "You already owe this person" });
  await expect(warning).toBeVisible();
  await expect(ledger.entry("Asked for an intro to her boss")).toHaveCount(0);
  await warning.getByRole("button", { name: "Log the ask anyway" }).click();
  await expect(ledger.entry("Asked for an intro to her boss")).toBeVisible();

  // The list shows the same state, and sorting by balance puts her first.
  await page.goto(page.url().replace(/\/contacts\/.*/, "/contacts?sort=balance&state=owing"));
  await expect(page.getByRole("link", { name: "Grace Giver" })).toBeVisible();
  await expect(page.getByText(/Time to give back · \d+/)).toBeVisible();
});

test("a future date, or a weight of 0 or 6, shows a message and writes nothing", async ({ page }) => {
  const { ledger } = await withContact(page, "Vera Valid");
  const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  await ledger.log({ who: "I gave", summary: "From the future", date: future });
  await expect(page.getByText("That date is in the future. Log what has already happened.")).toBeVisible();
  await ledger.log({ who: "I gave", summary: "Weightless", weight: "0" });
  await expect(page.getByText("Weight is at least 1.")).toBeVisible();
  await ledger.log({ who: "I gave", summary: "Too heavy", weight: "6" });
  await expect(page.getByText("Weight is at most 5.")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Nothing yet. Log what you give and receive")).toBeVisible();
  await expect(new LedgerPanel(page).state()).toHaveText("Balanced");
});

test("keeping a promise logs the give", async ({ page }) => {
  const { ledger } = await withContact(page, "Paula Promise");
  await page.getByLabel("I offered to…").fill("Introduce her to a publisher");
  await page.getByRole("button", { name: "Add promise" }).click();
  const promise = page.getByRole("listitem").filter({ hasText: "Introduce her to a publisher" });
  await expect(promise).toBeVisible();
  await promise.getByRole("button", { name: "Mark as kept" }).click();
  await expect(page.getByText("Kept — logged as something you gave.")).toBeVisible();
  await expect(page.getByText("No open promises.")).toBeVisible();
  await expect(ledger.entry("Introduce her to a publisher").filter({ hasText: "You gave" })).toBeVisible();
  await expect(ledger.state()).toHaveText("You give more");
});

test("quick log from anywhere with the keyboard", async ({ page }) => {
  const { slug, contacts } = await withContact(page, "Kira Keyboard");
  // First by name: Enter pressed before the list has caught up with "kira" must not pick her.
  await contacts.add({ name: "Aaron Early", company: "Ledger Labs" });
  await page.goto(`/w/${slug}/settings`);
  await expect(page.getByRole("button", { name: "Log (L)" })).toBeEnabled();
  await page.keyboard.press("l");
  const dialog = page.getByRole("dialog", { name: "Quick log" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("option", { name: /Aaron Early/ })).toBeVisible();
  await page.keyboard.type("kira");
  await page.keyboard.press("Enter");
  await expect(dialog.getByRole("heading", { name: "Log with Kira Keyboard" })).toBeVisible();
  await expect(dialog.getByLabel("Summary")).toBeFocused();
  await page.keyboard.type("Sent her the article on keyboards");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();

  await page.goto(`/w/${slug}/contacts`);
  await page.getByRole("link", { name: "Kira Keyboard" }).click();
  await expect(new LedgerPanel(page).entry("Sent her the article on keyboards")).toBeVisible();
  await expect(new LedgerPanel(page).state()).toHaveText("You give more");
});

test("editing your own entry re-scores the relationship; deleting it asks first", async ({ page }) => {
  const { ledger } = await withContact(page, "Eddie Edit");
  await ledger.logAndWait({ who: "I gave", kind: "intro", summary: "Wrongly logged as a give" });
  await expect(ledger.state()).toHaveText("You give more");

  await ledger.entry("Wrongly logged as a give").getByRole("button", { name: "Edit" }).click();
  const form = page.getByRole("form", { name: /Edit entry/ });
  await form.getByText("I received", { exact: true }).click();
  await form.getByLabel("What was it?").selectOption("referral");
  await form.getByLabel("Summary").fill("Actually, he referred me");
  await form.getByRole("button", { name: "Save entry" }).click();
  await expect(ledger.entry("Actually, he referred me")).toBeVisible();
  await expect(ledger.state()).toHaveText("Time to give back");

  await ledger.entry("Actually, he referred me").getByRole("button", { name: "Delete entry" }).click();
  await page.getByRole("dialog", { name: "Delete this entry?" }).getByRole("button", { name: "Delete" }).click();
  await expect(ledger.entry("Actually, he referred me")).toHaveCount(0);
  await expect(ledger.state()).toHaveText("Balanced");
});

test("a long history shows the latest entries first and the earlier ones on request", async ({ page, baseURL }) => {
  const { slug, contacts } = await withContact(page, "Hana History");
  const contactId = new URL(page.url()).pathname.split("/").pop()!;
  // 35 entries through the JSON route the quick log's retries use, one day apart.
  for (let i = 1; i <= 35; i++) {
    const day = new Date(Date.UTC(2025, 0, i)).toISOString().slice(0, 10);
    const r = await page.request.post(`/api/w/${slug}/interactions`, {
      headers: { origin: new URL(baseURL!).origin },
      data: { contactId, direction: "gave", kind: "advice", weight: 1, date: day, summary: `History entry #${String(i).padStart(2, "0")}` },
    });
    expect(r.status(), await r.text()).toBe(201);
  }
  await contacts.openList();
  await page.getByRole("link", { name: "Hana History" }).click();
  const ledger = new LedgerPanel(page);
  await expect(ledger.entry("History entry #35")).toBeVisible();
  await expect(ledger.entry("History entry #06")).toBeVisible();
  await expect(ledger.entry("History entry #05")).toHaveCount(0);
  await page.getByRole("link", { name: "Show earlier entries" }).click();
  await expect(ledger.entry("History entry #05")).toBeVisible();
  await expect(ledger.entry("History entry #01")).toBeVisible();
  await expect(page.getByRole("link", { name: "Show earlier entries" })).toHaveCount(0);
});
