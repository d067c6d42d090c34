import { expect, test } from "@playwright/test";
import { signOut, signUpWithPassword } from "./fixtures/account";

test("a browser without WebAuthn is offered the password path, and signs in with it", async ({ page }) => {
  const errors: Error[] = [];
  page.on("pageerror", (error) => errors.push(error));
  await page.addInitScript(() => {
    // @ts-expect-error: an old browser, with no WebAuthn at all
    delete window.PublicKeyCredential;
  });
  const email = await signUpWithPassword(page);
  await signOut(page);

  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByText("This browser can't use passkeys")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with a passkey" })).toHaveCount(0);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill("not my password");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeEnabled();
  await page.getByLabel("Password", { exact: true }).fill("correct horse battery staple");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  expect(errors).toEqual([]);
});
