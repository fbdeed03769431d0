import fs from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { newUser } from "./fixtures/users";
import { AuthPages } from "./pages/auth";
import { ContactPages } from "./pages/contacts";
import { ImportPages } from "./pages/import";
import { postAction } from "./support/server-actions";

const SETTINGS = "app/(app)/w/[workspace]/settings";

async function signedUp(page: Page) {
  const user = newUser("Reid Hoffman");
  const slug = await new AuthPages(page).signUp(user);
  return { user, slug, contacts: new ContactPages(page, slug), importer: new ImportPages(page, slug) };
}

test("import a LinkedIn export: preview, confirm, and find the people in the contact list", async ({ page }) => {
  const { contacts, importer } = await signedUp(page);
  await contacts.openList();
  await page.getByRole("link", { name: /import them from LinkedIn/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Bring your network in" })).toBeVisible();

  await importer.choose("linkedin-connections.csv");
  await expect(importer.previewHeading()).toHaveText("Preview: LinkedIn connections, 6 people");
  await expect(importer.count("new")).toHaveText("6");
  await expect(page.getByText("Will be added — 6 rows")).toBeVisible();
  // Nothing is written before the import is confirmed.
  await contacts.openList();
  await expect(page.getByRole("heading", { name: "Add your first contact" })).toBeVisible();

  await importer.open();
  await importer.choose("linkedin-connections.csv");
  await expect(importer.importButton()).toHaveText("Import 6 people");
  await importer.confirm();
  await expect(page.getByRole("heading", { name: "Imported: 6 added, 0 merged, 0 skipped." })).toBeVisible();

  await page.getByRole("link", { name: "See your contacts" }).click();
  await expect(contacts.listLink("Amara Okafor")).toBeVisible();
  await expect(contacts.listLink("José García Márquez")).toBeVisible();
  await contacts.search("nordic climate");
  await expect(contacts.listLink("Zoë Lindqvist")).toBeVisible();
  await expect(contacts.listLink("Amara Okafor")).toHaveCount(0);

  // The same file again: everyone is already here, with nothing new — nothing to import.
  await importer.open();
  await importer.choose("linkedin-connections.csv");
  await expect(importer.count("skipped")).toHaveText("6");
  await expect(page.getByText("Already in your contacts as Amara Okafor (same e-mail), with nothing new to add.")).toBeVisible();
  await expect(importer.importButton()).toBeDisabled();
});

test("a CSV we don't know asks which column is which; a binary file is refused", async ({ page }) => {
  const { importer, contacts } = await signedUp(page);
  await importer.open();
  await importer.choose({ name: "photo.csv", mimeType: "text/csv", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
  await expect(page.getByRole("alert").filter({ hasText: "This is an image, not a contact list." })).toBeVisible();
  await page.getByRole("button", { name: "Choose another file" }).click();

  await importer.choose("custom-mapping.csv");
  await expect(page.getByRole("heading", { name: "Which column is which?" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Preview the import" })).toBeDisabled();
  await page.getByLabel("Who", { exact: true }).selectOption({ label: "Full name" });
  await page.getByLabel("Met at", { exact: true }).selectOption({ label: "How we met" });
  await page.getByRole("button", { name: "Preview the import" }).click();
  await expect(importer.previewHeading()).toHaveText("Preview: CSV, 3 people");
  await importer.confirm();
  await contacts.openList();
  await page.getByRole("link", { name: "Ngozi Adichie" }).click();
  await expect(page.getByText("Book fair 2023", { exact: true })).toBeVisible();
});

test("export the contacts as CSV (formula cells neutralised) and as vCard", async ({ page }) => {
  const { contacts, importer } = await signedUp(page);
  await contacts.add({ name: "=Formula Fan", company: "Sheets, Inc.", phone: "+44 20 7946 0958" });
  await importer.open();

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^mutual-.+-contacts-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = fs.readFileSync((await csv.path()) ?? "", "utf8");
  expect(text.split("\r\n")[0]).toBe("\uFEFFName,E-mails,Phone,Company,Title,Location,URL,How we met,Tags,Interests,Needs,Offers,Keep in touch every (days),Connected on,Archived");
  // Quoted (papaparse quotes what it neutralises) and prefixed, so no spreadsheet runs it.
  expect(text.split("\r\n")[1]).toBe(`"'=Formula Fan",,"'+44 20 7946 0958","Sheets, Inc.",,,,,,,,,90,,`);

  const [vcf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download vCard" }).click()]);
  expect(vcf.suggestedFilename()).toMatch(/\.vcf$/);
  const card = fs.readFileSync((await vcf.path()) ?? "", "utf8");
  expect(card).toContain("BEGIN:VCARD\r\nVERSION:4.0\r\n");
  expect(card).toContain("FN:=Formula Fan\r\n");
  expect(card).toContain("ORG:Sheets\\, Inc.\r\n");
});

test("delete the account: typed confirmation, every session ends, and the account is gone", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { user, slug } = await signedUp(page);
  // A second device, signed in too.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await new AuthPages(otherPage).signIn(user.email, user.password);
  await expect(otherPage).toHaveURL(/\/w\//);

  await page.goto(`/w/${slug}/settings`);
  const button = page.getByRole("button", { name: "Delete my account" });
  await expect(button).toBeDisabled();
  await page.getByLabel("Type your e-mail address to confirm").fill(user.email.toUpperCase());
  await button.click();
  await expect(page.getByRole("heading", { name: "Your account is deleted" })).toBeVisible({ timeout: 30_000 });

  await page.goto("/w");
  await expect(page).toHaveURL(/\/sign-in/);
  await otherPage.goto(`/w/${slug}/contacts`);
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await other.close();
  await new AuthPages(page).signIn(user.email, user.password);
  await expect(page.getByRole("alert").filter({ hasText: "don't match an account" })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an owner deletes a team workspace after typing its name; it is gone for good", async ({ page }) => {
  test.setTimeout(120_000);
  await signedUp(page);
  const name = `Doomed ${Date.now().toString(36)}`;
  await page.goto("/workspaces/new");
  await page.getByLabel("Workspace name").fill(name);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/doomed-/);
  const slug = new AuthPages(page).workspaceSlug();

  await page.goto(`/w/${slug}/settings`);
  const button = page.getByRole("button", { name: "Delete workspace" });
  await page.getByLabel("Type the workspace's name to confirm").fill("not the name");
  await expect(button).toBeDisabled();
  await page.getByLabel("Type the workspace's name to confirm").fill(name);
  await button.click();
  await expect(page).toHaveURL(/\/w\/reids-network-/, { timeout: 30_000 });

  await page.goto(`/w/${slug}/contacts`);
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
});

test("import and export routes answer only members, and refuse a cross-site upload", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const { slug } = await signedUp(page);
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await new AuthPages(strangerPage).signUp(newUser("Stranger Danger"));
  try {
    for (const format of ["csv", "vcard"]) {
      expect((await strangerPage.request.get(`/api/w/${slug}/export?format=${format}`)).status()).toBe(404);
    }
    const upload = (p: Page, headers: Record<string, string> = {}) =>
      p.request.post(`/api/w/${slug}/import`, {
        headers,
        multipart: {
          file: { name: "c.csv", mimeType: "text/csv", buffer: Buffer.from("Name\nAda\n") },
          options: JSON.stringify({ step: "preview", onDuplicate: "merge", mapping: ["name"] }),
        },
      });
    expect((await upload(strangerPage)).status()).toBe(404);
    expect((await upload(page, { origin: "https://evil.example" })).status()).toBe(403);
    const own = await upload(page);
    expect(own.status()).toBe(200);
    expect(await own.json()).toMatchObject({ summary: { counts: { create: 1, merge: 0, skip: 0 } } });
    expect((await page.request.get(`/api/w/${slug}/export?format=xlsx`)).status()).toBe(400);
  } finally {
    await stranger.close();
  }
  const anonymous = await browser.newContext();
  try {
    expect((await anonymous.request.get(`${new URL(page.url()).origin}/api/account/export`)).status()).toBe(401);
    expect((await anonymous.request.get(`${new URL(page.url()).origin}/api/w/${slug}/export?format=csv`)).status()).toBe(404);
  } finally {
    await anonymous.close();
  }
});

/**
 * A Connections.csv with `rows` people and a wide column LinkedIn doesn't have (left out by
 * the import): near the size limit without a CPU-heavy number of rows.
 */
function bigLinkedIn(rows: number, pad: number): Buffer {
  const lines = ["Notes:", '"Some e-mail addresses are missing."', "", "First Name,Last Name,URL,Email Address,Company,Position,Connected On,Padding"];
  for (let i = 0; i < rows; i++) {
    lines.push(`Person,Number ${i},https://www.linkedin.com/in/person-${i},${i % 3 ? "" : `p${i}@example.com`},"Company ${i % 97}, Inc.",Role ${i % 13},0${1 + (i % 9)} Mar 2021,${"x".repeat(pad)}`);
  }
  return Buffer.from(`${lines.join("\n")}\n`);
}

test("a large file previews with its count; one over 10 MB is refused before and at the server", async ({ page }) => {
  test.setTimeout(120_000);
  const { slug, importer } = await signedUp(page);
  await importer.open();
  const large = bigLinkedIn(5_000, 1_900);
  expect(large.byteLength).toBeGreaterThan(9 * 1024 * 1024);
  expect(large.byteLength).toBeLessThan(10 * 1024 * 1024);
  await importer.choose({ name: "Connections.csv", mimeType: "text/csv", buffer: large });
  await expect(importer.previewHeading()).toHaveText("Preview: LinkedIn connections, 5,000 people", { timeout: 60_000 });
  await expect(importer.count("new")).toHaveText("5,000");
  // A long list starts folded; the first 1,000 rows are there to read, the rest counted.
  await page.getByText("Will be added — 5,000 rows").click();
  await expect(page.getByText("…and 4,000 more.")).toBeVisible();

  await page.getByRole("button", { name: "Choose another file" }).click();
  const tooBig = bigLinkedIn(5_000, 2_100);
  expect(tooBig.byteLength).toBeGreaterThan(10 * 1024 * 1024);
  await importer.choose({ name: "Connections.csv", mimeType: "text/csv", buffer: tooBig });
  await expect(page.getByRole("alert").filter({ hasText: "one import takes up to 10 MB" })).toBeVisible();

  const res = await page.request.post(`/api/w/${slug}/import`, {
    multipart: { file: { name: "Connections.csv", mimeType: "text/csv", buffer: tooBig }, options: JSON.stringify({ step: "preview" }) },
  });
  expect(res.status()).toBe(413);
  expect((await res.json()).error).toMatch(/one import takes up to 10 MB/);
});

test("the deletion actions posted directly: an outsider can't delete a workspace, a wrong confirmation deletes nothing", async ({ page, browser, baseURL }) => {
  test.setTimeout(120_000);
  const { user } = await signedUp(page);
  const name = `Kept ${Date.now().toString(36)}`;
  await page.goto("/workspaces/new");
  await page.getByLabel("Workspace name").fill(name);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/kept-/);
  const team = new AuthPages(page).workspaceSlug();

  const outsider = await browser.newContext({ baseURL });
  await new AuthPages(await outsider.newPage()).signUp(newUser("Otto Outsider"));
  try {
    // Not a member: requireMember answers 404, and the workspace (checked below) stays.
    const r = await postAction(outsider.request, baseURL!, { file: `${SETTINGS}/workspace-actions.ts`, name: "deleteWorkspaceAction" }, [team, { confirmation: name }], {
      path: `/w/${team}/settings`,
    });
    expect(r.status()).toBe(404);
  } finally {
    await outsider.close();
  }
  const wrong = await postAction(page.request, baseURL!, { file: `${SETTINGS}/account-actions.ts`, name: "deleteMyAccount" }, [{ confirmation: "someone-else@example.test" }], {
    path: `/w/${team}/settings`,
  });
  expect(await wrong.text()).toContain("Type your e-mail address");
  const smuggled = await postAction(page.request, baseURL!, { file: `${SETTINGS}/account-actions.ts`, name: "deleteMyAccount" }, [{ confirmation: user.email, userId: "x" }], {
    path: `/w/${team}/settings`,
  });
  expect(await smuggled.text()).toContain("Unexpected field");

  // Both still there.
  await page.goto(`/w/${team}/contacts`);
  await expect(page.getByRole("heading", { level: 1, name: "Contacts" })).toBeVisible();
});
