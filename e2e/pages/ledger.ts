import { expect, type Page } from "@playwright/test";

/** The logging form on a contact page (and inside the quick-log dialog). */
export class LedgerPanel {
  constructor(private readonly page: Page) {}

  state() {
    return this.page.getByTestId("balance-state");
  }

  async log(entry: { who: "I gave" | "I received" | "We met / talked"; kind?: string; summary: string; weight?: string; date?: string }) {
    const form = this.page.getByRole("form", { name: /Log an interaction/ });
    await form.getByText(entry.who, { exact: true }).click();
    if (entry.kind) await form.getByLabel("What was it?").selectOption(entry.kind);
    if (entry.weight) await form.getByLabel("Weight (1–5)").fill(entry.weight);
    if (entry.date) await form.getByLabel("Date").fill(entry.date);
    await form.getByLabel("Summary").fill(entry.summary);
    await form.getByRole("button", { name: "Log it" }).click();
  }

  /** Entries in the contact page's timeline that mention `text`. */
  entry(text: string) {
    return this.page.getByRole("region", { name: "Timeline" }).getByRole("listitem").filter({ hasText: text });
  }

  async logAndWait(entry: Parameters<LedgerPanel["log"]>[0]) {
    await this.log(entry);
    await expect(this.entry(entry.summary)).toBeVisible();
  }
}
