import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { signUpWithPassword } from "./fixtures/account";

async function expectNoAxeViolations(page: Page) {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}

test("an unknown page says so, with a way home", async ({ page }) => {
  const response = await page.goto("/no-such-page");

  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL("/");
});

test("a signed-in visitor finds the settings overview at /settings and the dashboard from the home page", async ({
  page,
}) => {
  await signUpWithPassword(page);

  await page.goto("/settings");
  await expect(page).toHaveURL("/settings/security");

  await page.goto("/");
  await expect(page.getByRole("link", { name: "Create an account" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole("link", { name: "Go to your dashboard" }).click();
  await expect(page).toHaveURL("/dashboard");
});
