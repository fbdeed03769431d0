import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const IMPORT_FIXTURES = path.join(import.meta.dirname, "../../lib/import/fixtures");

/** The import and export page: choose a file, read the preview, import, download. */
export class ImportPages {
  constructor(
    private readonly page: Page,
    private readonly slug: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`/w/${this.slug}/import`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Bring your network in" })).toBeVisible();
  }

  async choose(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    const input = this.page.getByLabel("Choose a file to import");
    await input.setInputFiles(typeof file === "string" ? path.join(IMPORT_FIXTURES, file) : file);
  }

  previewHeading() {
    return this.page.getByRole("heading", { level: 2, name: /^Preview:/ });
  }

  importButton() {
    return this.page.getByRole("button", { name: /^Import [\d,]+ (people|person)$/ });
  }

  /** The figure under "new", "merged", "skipped" or "added" in the summary. */
  count(label: "new" | "merged" | "skipped" | "added") {
    return this.page
      .locator("dl > div")
      .filter({ has: this.page.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
      .getByRole("definition");
  }

  async confirm(): Promise<void> {
    await this.importButton().click();
    await expect(this.page.getByRole("heading", { name: /^Imported:/ })).toBeVisible();
  }
}
