import { expect, test } from "@playwright/test";
import { linkIn, waitForMail } from "./fixtures/mail";
import { newUser } from "./fixtures/users";
import { AuthPages } from "./pages/auth";

test("a new user signs up, is asked to check their inbox, signs in and lands in their personal workspace", async ({ page }) => {
  const user = newUser("Grace Hopper");
  await new AuthPages(page).signUp(user);
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByText("Welcome to Mutual, Grace.")).toBeVisible();
  await expect(page.getByLabel(/Workspace: Grace's network/)).toBeVisible();
  await expect(page.getByText(/Please confirm your e-mail/)).toBeVisible();
  for (const name of ["Dashboard", "Contacts", "Digest", "Team", "Settings"]) {
    await expect(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name })).toBeVisible();
  }
});

test("sign-up explains what is wrong beside each field and creates nothing", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Al");
  await page.getByLabel("E-mail").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter an e-mail address like name@example.com.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();

  await page.getByLabel("E-mail").fill(newUser().email);
  await page.getByLabel("Password").fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/one of the most common ones/)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up$/);
});

test("signing up with a taken address answers the same, tells only its owner, and changes nothing", async ({ page }) => {
  const owner = newUser("Olive Owner");
  const auth = new AuthPages(page);
  const slug = await auth.signUp(owner);
  await auth.signOut();

  // Someone else tries the same address (in capitals): the answer is the one every address gets.
  const intruder = { name: "Ivan Intruder", email: owner.email.toUpperCase(), password: "an intruder's passphrase" };
  await auth.submitSignUp(intruder);
  await expect(page.getByText(/We sent a message to .*open the link in it to confirm your address/)).toBeVisible();

  const note = await waitForMail(owner.email, /You already have a Mutual account/);
  expect(note).toContain("Hi Olive Owner,");
  expect(note).toMatch(/\/sign-in/);
  expect(note).toMatch(/\/forgot/);

  // The account is untouched: the intruder's password does not open it, the owner's does.
  await auth.signIn(owner.email, intruder.password);
  await expect(page.getByRole("alert").filter({ hasText: "don't match an account" })).toBeVisible();
  await auth.signIn(owner.email, owner.password);
  await expect(page).toHaveURL(new RegExp(`/w/${slug}$`));
  await expect(page.getByLabel(/Workspace: Olive's network/)).toBeVisible();
});

test("sign out, sign in again, and a wrong password shows a message", async ({ page }) => {
  const user = newUser();
  const auth = new AuthPages(page);
  const slug = await auth.signUp(user);
  await auth.signOut();

  await page.goto(`/w/${slug}`);
  await expect(page).toHaveURL(/\/sign-in/);

  await auth.signIn(user.email, "this is not the password");
  await expect(page.getByRole("alert").filter({ hasText: "don't match an account" })).toBeVisible();

  await auth.signIn(user.email.toUpperCase(), user.password);
  await expect(page).toHaveURL(new RegExp(`/w/${slug}$`));
});

test("the verification link from the mail confirms the e-mail", async ({ page }) => {
  const user = newUser();
  await new AuthPages(page).signUp(user);
  const link = linkIn(await waitForMail(user.email, /Confirm your e-mail/), "/verify");
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my e-mail" }).click();
  await expect(page.getByText("your e-mail is confirmed")).toBeVisible();
  await page.getByRole("link", { name: "Go to your network" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByText(/Please confirm your e-mail/)).toHaveCount(0);

  // The link works once.
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my e-mail" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "expired or was already used" })).toBeVisible();
});

test("forgot password → reset link → sign in with the new password only", async ({ page }) => {
  const user = newUser();
  const auth = new AuthPages(page);
  await auth.signUp(user);
  await auth.signOut();

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/If an account uses that address/)).toBeVisible();

  const link = linkIn(await waitForMail(user.email, /Reset your Mutual password/), "/reset");
  await page.goto(link);
  const newPassword = "a brand new passphrase";
  await page.getByLabel("New password").fill(newPassword);
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByText("Your password is changed.")).toBeVisible();

  await auth.signIn(user.email, user.password);
  await expect(page.getByRole("alert").filter({ hasText: "don't match an account" })).toBeVisible();
  await auth.signIn(user.email, newPassword);
  await expect(page).toHaveURL(/\/w\/[a-z0-9-]+$/);

  // The reset link is single-use.
  await page.goto(link);
  await page.getByLabel("New password").fill("yet another passphrase");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "expired or was already used" })).toBeVisible();
});

test("an unknown e-mail gets the same answer from forgot password", async ({ page }) => {
  await page.goto("/forgot");
  await page.getByLabel("E-mail").fill(newUser().email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(/If an account uses that address/)).toBeVisible();
});

test("changing the password ends the other sessions and keeps this one", async ({ browser }) => {
  const user = newUser();
  const here = await browser.newContext();
  const elsewhere = await browser.newContext();
  const pageHere = await here.newPage();
  const pageElsewhere = await elsewhere.newPage();

  const slug = await new AuthPages(pageHere).signUp(user);
  await new AuthPages(pageElsewhere).signIn(user.email, user.password);
  await expect(pageElsewhere).toHaveURL(new RegExp(`/w/${slug}$`));

  await pageHere.goto(`/w/${slug}/settings`);
  await pageHere.getByLabel("Current password").fill(user.password);
  await pageHere.getByLabel("New password").fill("changed passphrase 42");
  await pageHere.getByRole("button", { name: "Change password" }).click();
  await expect(pageHere.getByText("Other devices have been signed out.")).toBeVisible();

  await pageElsewhere.goto(`/w/${slug}/settings`);
  await expect(pageElsewhere).toHaveURL(/\/sign-in/);

  await pageHere.goto(`/w/${slug}/contacts`);
  await expect(pageHere.getByRole("heading", { name: "Contacts" })).toBeVisible();
  await here.close();
  await elsewhere.close();
});

test("another user opening someone's workspace URL gets a 404", async ({ browser }) => {
  const owner = await browser.newContext();
  const stranger = await browser.newContext();
  const slug = await new AuthPages(await owner.newPage()).signUp(newUser("Owner Person"));
  const page = await stranger.newPage();
  await new AuthPages(page).signUp(newUser("Stranger Person"));

  for (const path of [`/w/${slug}`, `/w/${slug}/settings`, `/w/${slug}/contacts`]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
  }
  await owner.close();
  await stranger.close();
});

test("a user creates a second workspace and switches between them", async ({ page }) => {
  const auth = new AuthPages(page);
  const personal = await auth.signUp(newUser("Ada Byron"));
  await page.getByLabel(/Switch workspace/).click();
  await page.getByRole("menuitem", { name: "+ New workspace" }).click();
  await page.getByLabel("Workspace name").fill("Acme Partnerships");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/acme-partnerships(-[0-9a-f]{6})?$/);

  await page.getByLabel(/Switch workspace/).click();
  await page.getByRole("menuitem", { name: /Ada's network/ }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${personal}$`));
});

test("the health check and security headers", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ status: "ok" });

  const landing = await request.get("/");
  const headers = landing.headers();
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["strict-transport-security"]).toBeUndefined();

  const overHttps = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toContain("max-age=");
});
