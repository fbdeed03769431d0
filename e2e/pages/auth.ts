import { expect, type Page } from "@playwright/test";
import { waitForMail } from "../fixtures/mail";
import type { TestUser } from "../fixtures/users";

/** The account screens, driven the way a person would: by labels and button names. */
export class AuthPages {
  constructor(private readonly page: Page) {}

  /**
   * Signs up, waits for the confirmation mail (the account exists once it is sent), then
   * signs in as the sign-up answer invites: lands in the personal workspace, unconfirmed.
   */
  async signUp(user: TestUser): Promise<string> {
    await this.submitSignUp(user);
    await waitForMail(user.email, /Confirm your e-mail/);
    await this.page.getByRole("main").getByRole("link", { name: "Sign in", exact: true }).first().click();
    await expect(this.page).toHaveURL(/\/sign-in\?/);
    await this.page.getByLabel("E-mail").fill(user.email);
    await this.page.getByLabel("Password").fill(user.password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
    await expect(this.page).toHaveURL(/\/w\/[a-z0-9-]+/);
    return this.workspaceSlug();
  }

  /** Fills and sends the sign-up form; its answer is the same for every address. */
  async submitSignUp(user: TestUser): Promise<void> {
    await this.page.goto("/sign-up");
    await this.page.getByLabel("Your name").fill(user.name);
    await this.page.getByLabel("E-mail").fill(user.email);
    await this.page.getByLabel("Password").fill(user.password);
    await this.page.getByRole("button", { name: "Create account" }).click();
    await expect(this.page.getByText("Check your inbox.")).toBeVisible();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.goto("/sign-in");
    await this.page.getByLabel("E-mail").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async signOut(): Promise<void> {
    await this.page.getByLabel(/Account menu for/).click();
    await this.page.getByRole("menuitem", { name: "Sign out" }).click();
    await expect(this.page).toHaveURL(/\/$/);
  }

  workspaceSlug(): string {
    const slug = new URL(this.page.url()).pathname.split("/")[2];
    if (!slug) throw new Error(`Not inside a workspace: ${this.page.url()}`);
    return slug;
  }
}
