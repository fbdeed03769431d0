import { expect, test } from "@playwright/test";

test("the landing page says what Mutual is and leads to sign-up and sign-in", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Give first");
  await expect(page.getByText("What can I do to help you?")).toBeVisible();
  await page.getByRole("link", { name: /Start giving/ }).click();
  await expect(page).toHaveURL(/\/sign-up$/);
  await page.goto("/");
  await page.getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a page that does not exist gets the product's 404", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We couldn't find that page" })).toBeVisible();
});
