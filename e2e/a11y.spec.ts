import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { newUser } from "./fixtures/users";
import { AuthPages } from "./pages/auth";
import { ContactPages } from "./pages/contacts";
import { LedgerPanel } from "./pages/ledger";

/**
 * Every main page, in the light and the dark theme, at 1440 px and 360 px wide:
 * axe-core finds no serious or critical violation (WCAG 2.1 A/AA rules, contrast included),
 * nothing scrolls sideways, and a screenshot of each is kept as a test artifact.
 */

const widths = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 360, height: 780 },
] as const;

type Finding = string;

type Run = { page: Page; testInfo: TestInfo; scheme: "light" | "dark"; findings: Finding[] };

async function check({ page, testInfo, scheme, findings }: Run, name: string, sizes: readonly (typeof widths)[number][] = widths): Promise<void> {
  for (const size of sizes) {
    await page.setViewportSize({ width: size.width, height: size.height });
    // Let layout (and the charts' resize observers) settle at the new width.
    await page.waitForTimeout(150);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    for (const v of results.violations) {
      if (v.impact !== "serious" && v.impact !== "critical") continue;
      const where = v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(" | ");
      findings.push(`${name} @${size.width}px: [${v.impact}] ${v.id} — ${v.help} (${where})`);
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 1) findings.push(`${name} @${size.width}px: the page scrolls sideways by ${overflow}px`);
    const file = testInfo.outputPath(`${name}-${size.width}-${scheme}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(`${name} ${size.width}px ${scheme}`, { path: file, contentType: "image/png" });
  }
  await page.setViewportSize({ width: widths[0].width, height: widths[0].height });
}

async function visit(page: Page, url: string, heading: string | RegExp): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  await page.waitForLoadState("networkidle").catch(() => undefined);
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme, viewport: { width: 1440, height: 900 } });

    test(`every main page passes axe and fits 360 px (${colorScheme})`, async ({ page }, testInfo) => {
      // Sign-up, two contacts, three logs and 12 pages × 2 widths of axe and screenshots.
      test.slow();
      const findings: Finding[] = [];
      const run: Run = { page, testInfo, scheme: colorScheme, findings };

      await visit(page, "/", /Give first/);
      await check(run, "landing");
      await visit(page, "/sign-in", /.+/);
      await check(run, "sign-in");
      await visit(page, "/sign-up", /.+/);
      await check(run, "sign-up");
      const missing = await page.goto("/no-such-page");
      expect(missing?.status()).toBe(404);
      await check(run, "404");

      const slug = await new AuthPages(page).signUp(newUser("Alex Access"));
      await visit(page, `/w/${slug}`, "Dashboard");
      await expect(page.getByRole("heading", { name: "Start with the people you know" })).toBeVisible();
      await check(run, "dashboard-first-run");

      const contacts = new ContactPages(page, slug);
      const ledger = new LedgerPanel(page);
      await contacts.add({ name: "Owen Owed", company: "Acme", needs: "A publisher for the memoir", tags: "author" });
      await ledger.logAndWait({ who: "I received", kind: "referral", summary: "Owen referred a client" });
      const gina = await contacts.add({ name: "Gina Given", offers: "Publisher introductions", tags: "publisher" });
      await ledger.logAndWait({ who: "I gave", kind: "intro", summary: "Introduced Gina to Sam" });
      await contacts.addNote("Gina is looking for **first-time authors**.", "team");
      // Actions confirm themselves in a toast.
      await expect(page.getByText("Note added", { exact: true })).toBeVisible();

      await visit(page, `/w/${slug}`, "Dashboard");
      await expect(page.getByText("Your relationships by balance")).toBeVisible();
      await check(run, "dashboard");
      await visit(page, `/w/${slug}/contacts`, "Contacts");
      await expect(contacts.listLink("Gina Given")).toBeVisible();
      await check(run, "contacts");
      await visit(page, `/w/${slug}/contacts/${gina}`, "Gina Given");
      await check(run, "contact");
      await visit(page, `/w/${slug}/contacts/new`, /.+/);
      await check(run, "contact-new");
      await visit(page, `/w/${slug}/contacts/${gina}/edit`, /.+/);
      await check(run, "contact-edit");
      await visit(page, "/workspaces/new", /.+/);
      await check(run, "workspace-new");
      await visit(page, "/invite/not-a-real-invitation", /.+/);
      await check(run, "invite-invalid");
      await visit(page, `/w/${slug}/team`, /.+/);
      await check(run, "team");
      await visit(page, `/w/${slug}/digest`, /.+/);
      await check(run, "digest");
      await visit(page, `/w/${slug}/import`, /.+/);
      await check(run, "import");
      await visit(page, `/w/${slug}/settings`, /.+/);
      await check(run, "settings");
      const gone = await page.goto(`/w/${slug}/contacts/00000000-0000-4000-8000-000000000000`);
      expect(gone?.status()).toBe(404);
      await check(run, "contact-404");

      // The phone menu opens, lists every section and is itself clean.
      await page.setViewportSize({ width: 360, height: 780 });
      await page.goto(`/w/${slug}`);
      await page.getByRole("navigation", { name: "Workspace" }).getByRole("button", { name: /Menu/ }).click();
      for (const name of ["Dashboard", "Contacts", "Digest", "Team", "Settings"]) {
        await expect(page.getByRole("menuitem", { name })).toBeVisible();
      }
      await check(run, "phone-menu", [widths[1]]);

      expect(findings, findings.join("\n")).toEqual([]);
    });
  });
}
