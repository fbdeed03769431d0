import { expect, type Page } from "@playwright/test";

/** The team page: members, invitations, activity and audit log. */
export class TeamPage {
  constructor(
    private readonly page: Page,
    private readonly slug: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`/w/${this.slug}/team`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  }

  async invite(email: string, role: "Member" | "Admin" | "Owner" = "Member"): Promise<void> {
    await this.page.getByLabel("E-mail").fill(email);
    await this.page.getByLabel("Role", { exact: true }).selectOption({ label: role });
    await this.page.getByRole("button", { name: "Send invitation" }).click();
    await expect(this.page.getByText(`Invitation sent to ${email}`)).toBeVisible();
  }

  region(name: "Members" | "Pending invitations" | "What the team did" | "Audit log") {
    return this.page.getByRole("region", { name: new RegExp(`^${name}`) });
  }

  member(name: string) {
    return this.region("Members").getByRole("listitem").filter({ hasText: name });
  }

  invitation(email: string) {
    return this.region("Pending invitations").getByRole("listitem").filter({ hasText: email });
  }

  async setRole(name: string, role: "Member" | "Admin" | "Owner"): Promise<void> {
    await this.page.getByLabel(`Role of ${name}`).selectOption({ label: role });
  }

  async remove(name: string): Promise<void> {
    await this.member(name).getByRole("button", { name: "Remove" }).click();
    await this.page.getByRole("dialog").getByRole("button", { name: "Remove from workspace" }).click();
    await expect(this.member(name)).toHaveCount(0);
  }
}
