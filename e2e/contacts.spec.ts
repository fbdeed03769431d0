import { expect, test, type Page } from "@playwright/test";
import { newUser } from "./fixtures/users";
import { AuthPages } from "./pages/auth";
import { ContactPages } from "./pages/contacts";

async function signedUp(page: Page): Promise<ContactPages> {
  const slug = await new AuthPages(page).signUp(newUser("Nora Ephron"));
  return new ContactPages(page, slug);
}

test("a new user sees what to do first on an empty contact list", async ({ page }) => {
  const contacts = await signedUp(page);
  await contacts.openList();
  await expect(page.getByRole("heading", { name: "Add your first contact" })).toBeVisible();
  await page.getByRole("link", { name: "Add your first contact" }).click();
  await expect(page.getByRole("heading", { name: "Add a contact" })).toBeVisible();
});

test("add a contact with every field, edit it, and find it by company and tag", async ({ page }) => {
  const contacts = await signedUp(page);
  await contacts.add({
    name: "Katherine Johnson",
    company: "Langley Research",
    title: "Mathematician",
    emails: "kj@langley.example, katherine@home.example",
    phone: "+1 (757) 555-0100",
    location: "Hampton, VA",
    url: "linkedin.com/in/kjohnson",
    tags: "orbital, mentor",
    howWeMet: "Her talk on trajectories",
    interests: "Sunday choir, bridge",
    needs: "A new analyst for her team",
    offers: "Reviews of orbital maths",
    cadence: "Month",
  });
  for (const text of ["Sunday choir, bridge", "A new analyst for her team", "Reviews of orbital maths", "Hampton, VA", "kj@langley.example", "Every 30 days", "What can I do to help you?"]) {
    await expect(page.getByText(text, { exact: true })).toBeVisible();
  }
  await expect(page.getByRole("link", { name: "linkedin.com/in/kjohnson" })).toHaveAttribute("href", "https://linkedin.com/in/kjohnson");

  await page.getByRole("link", { name: "Edit" }).click();
  await contacts.fill({ title: "Research mathematician", tags: "orbital, mentor, nasa" });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Research mathematician at Langley Research")).toBeVisible();
  await expect(page.getByRole("list", { name: "Tags" }).getByText("nasa")).toBeVisible();

  await contacts.add({ name: "Dorothy Vaughan", company: "Fortran Works", tags: "programmer" });
  await contacts.openList();
  await contacts.search("angley res");
  await expect(contacts.listLink("Katherine Johnson")).toBeVisible();
  await expect(contacts.listLink("Dorothy Vaughan")).toHaveCount(0);
  await contacts.search("rbita");
  await expect(contacts.listLink("Katherine Johnson")).toBeVisible();
  await contacts.search("fortran");
  await expect(contacts.listLink("Dorothy Vaughan")).toBeVisible();
  await expect(contacts.listLink("Katherine Johnson")).toHaveCount(0);
  await contacts.search("no such person anywhere");
  await expect(page.getByText(/Nobody matches/)).toBeVisible();

  // A search survives a reload: it lives in the URL.
  await contacts.search("mentor");
  await expect(page).toHaveURL(/q=mentor/);
  await page.reload();
  await expect(page.getByLabel("Search", { exact: true })).toHaveValue("mentor");
  await expect(contacts.listLink("Katherine Johnson")).toBeVisible();
});

test("each bad field shows its message and nothing is written", async ({ page }) => {
  const contacts = await signedUp(page);
  await page.goto(`/w/${(new URL(page.url())).pathname.split("/")[2]}/contacts/new`);
  await contacts.fill({ name: "", emails: "not-an-email", url: "javascript:alert(1)", phone: "call me maybe", tags: "x".repeat(41) });
  await page.getByRole("button", { name: "Add contact" }).click();
  await expect(page.getByText("Every contact needs a name.")).toBeVisible();
  await expect(page.getByText(/One of these is not an e-mail address/)).toBeVisible();
  await expect(page.getByText("Enter a web address like linkedin.com/in/name.")).toBeVisible();
  await expect(page.getByText("Use digits, spaces and + ( ) - . only.")).toBeVisible();
  await expect(page.getByText("Keep each tag under 40 characters.")).toBeVisible();
  await contacts.openList();
  await expect(page.getByRole("heading", { name: "Add your first contact" })).toBeVisible();
});

test("notes: private and team, markdown rendered inert", async ({ page }) => {
  const contacts = await signedUp(page);
  await contacts.add({ name: "Ada Lovelace" });
  let dialogs = 0;
  page.on("dialog", async (d) => {
    dialogs++;
    await d.dismiss();
  });

  await contacts.addNote("Loves **poetry** and engines", "private");
  await expect(contacts.notes().getByRole("listitem").filter({ hasText: "Loves poetry and engines" }).getByText("Private — only you")).toBeVisible();
  await expect(contacts.notes().locator("strong", { hasText: "poetry" })).toBeVisible();
  await contacts.addNote("Team knows: she needs a *publisher*", "team");
  await expect(contacts.notes().getByRole("listitem").filter({ hasText: "she needs a publisher" }).getByText("Team", { exact: true })).toBeVisible();

  const hostile = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "[click me](javascript:alert(1))",
    "<svg onload=alert(1)></svg>",
  ].join("\n\n");
  await contacts.addNote(hostile, "private");
  const note = contacts.notes().getByRole("listitem").filter({ hasText: "click me" });
  await expect(note).toBeVisible();
  await expect(note.getByText("<script>alert('x')</script>")).toBeVisible();
  expect(await page.locator("main script").count()).toBe(0);
  expect(await page.locator("main img[onerror], main svg[onload]").count()).toBe(0);
  expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
  await page.reload();
  await expect(contacts.notes().getByText("<img src=x onerror=alert(1)>")).toBeVisible();
  expect(dialogs).toBe(0);
});

test("an edit made from a stale copy shows the conflict and keeps both texts", async ({ browser }) => {
  const context = await browser.newContext();
  const first = await context.newPage();
  const contacts = await signedUp(first);
  await contacts.add({ name: "Alan Turing" });
  await contacts.addNote("Original thought", "private");
  const url = first.url();

  const second = await context.newPage();
  await second.goto(url);

  // Both tabs open the editor on version 1; the second saves first.
  await first.getByRole("button", { name: "Edit", exact: true }).click();
  await second.getByRole("button", { name: "Edit", exact: true }).click();
  await second.getByLabel("Edit note").fill("Edited in the other tab");
  await second.getByRole("button", { name: "Save", exact: true }).click();
  await expect(new ContactPages(second, "").notes().getByText("Edited in the other tab")).toBeVisible();

  await first.getByLabel("Edit note").fill("My own edit");
  await first.getByRole("button", { name: "Save", exact: true }).click();
  const conflict = first.getByRole("alert").filter({ hasText: "changed elsewhere" });
  await expect(conflict).toBeVisible();
  await expect(conflict.getByText("Edited in the other tab")).toBeVisible();
  await expect(first.getByLabel("Edit note")).toHaveValue("My own edit");

  await first.getByRole("button", { name: "Save my version" }).click();
  await expect(first.getByLabel("Edit note")).toHaveCount(0);
  await expect(contacts.notes().getByText("My own edit")).toBeVisible();
  await context.close();
});

test("archive hides a contact from the list, restore brings it back, delete asks first", async ({ page }) => {
  const contacts = await signedUp(page);
  await contacts.add({ name: "Rosalind Franklin", company: "King's College" });
  await page.getByRole("button", { name: "Archive" }).click();
  await expect(page.getByText(/This contact is archived/)).toBeVisible();

  await contacts.openList();
  await expect(page.getByRole("heading", { name: "Add your first contact" })).toBeVisible();
  await page.getByLabel("Archived").check();
  await page.getByRole("link", { name: "Rosalind Franklin" }).click();
  await page.getByRole("button", { name: "Restore" }).click();
  await expect(page.getByText(/This contact is archived/)).toHaveCount(0);
  await contacts.openList();
  await expect(contacts.listLink("Rosalind Franklin")).toBeVisible();

  await contacts.listLink("Rosalind Franklin").click();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Delete Rosalind Franklin?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Rosalind Franklin" })).toBeVisible();
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await dialog.getByRole("button", { name: "Delete for good" }).click();
  await expect(page.getByText("The contact and its notes are deleted.")).toBeVisible();
  await expect(contacts.listLink("Rosalind Franklin")).toHaveCount(0);
});

test("another workspace's contact is a 404, and its list API too", async ({ browser }) => {
  const owner = await (await browser.newContext()).newPage();
  const contacts = await signedUp(owner);
  const id = await contacts.add({ name: "Secret Person" });
  const ownerSlug = new URL(owner.url()).pathname.split("/")[2];

  const stranger = await (await browser.newContext()).newPage();
  const strangerSlug = await new AuthPages(stranger).signUp(newUser("Stranger Danger"));
  expect((await stranger.goto(`/w/${ownerSlug}/contacts/${id}`))?.status()).toBe(404);
  expect((await stranger.goto(`/w/${strangerSlug}/contacts/${id}`))?.status()).toBe(404);
  expect((await stranger.goto(`/w/${strangerSlug}/contacts/${id}/edit`))?.status()).toBe(404);
  const api = await stranger.request.get(`/api/w/${ownerSlug}/contacts?q=secret`);
  expect(api.status()).toBe(404);
  const own = await stranger.request.get(`/api/w/${strangerSlug}/contacts?q=secret`);
  expect((await own.json()).items).toEqual([]);
});
