import { expect, type Page } from "@playwright/test";

export type ContactFields = {
  name: string;
  company?: string;
  title?: string;
  emails?: string;
  phone?: string;
  location?: string;
  url?: string;
  tags?: string;
  howWeMet?: string;
  interests?: string;
  needs?: string;
  offers?: string;
  cadence?: string;
};

const labels: Record<keyof ContactFields, string> = {
  name: "Name",
  company: "Company",
  title: "Title",
  emails: "E-mail addresses",
  phone: "Phone",
  location: "Location",
  url: "LinkedIn or website",
  tags: "Tags",
  howWeMet: "How we met",
  interests: "Interests",
  needs: "Needs",
  offers: "Offers",
  cadence: "Keep in touch every",
};

/** The contact screens: list, form and contact page. */
export class ContactPages {
  constructor(
    private readonly page: Page,
    private readonly slug: string,
  ) {}

  async fill(fields: Partial<ContactFields>): Promise<void> {
    for (const [key, value] of Object.entries(fields) as [keyof ContactFields, string][]) {
      const field = this.page.getByLabel(labels[key], { exact: true });
      if (key === "cadence") await field.selectOption({ label: value });
      else await field.fill(value);
    }
  }

  async add(fields: ContactFields): Promise<string> {
    await this.page.goto(`/w/${this.slug}/contacts/new`);
    await this.fill(fields);
    await this.page.getByRole("button", { name: "Add contact" }).click();
    await expect(this.page.getByRole("heading", { level: 1, name: fields.name })).toBeVisible();
    const id = new URL(this.page.url()).pathname.split("/").pop();
    if (!id) throw new Error("no contact id in URL");
    return id;
  }

  async openList(): Promise<void> {
    await this.page.goto(`/w/${this.slug}/contacts`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Contacts" })).toBeVisible();
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel("Search", { exact: true }).fill(text);
  }

  listLink(name: string) {
    return this.page.getByRole("list").getByRole("link", { name, exact: true });
  }

  /** The notes section of a contact page (the timeline repeats a line of each note). */
  notes() {
    return this.page.getByRole("region", { name: "Notes" });
  }

  async addNote(body: string, visibility: "private" | "team"): Promise<void> {
    await this.page.getByLabel("New note").fill(body);
    await this.page
      .getByRole("radio", { name: visibility === "private" ? "Private — only you" : "Shared with the team" })
      .check();
    await this.page.getByRole("button", { name: "Add note" }).click();
    await expect(this.page.getByLabel("New note")).toHaveValue("");
  }
}
