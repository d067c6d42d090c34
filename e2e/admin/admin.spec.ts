import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { addPasskey, signOut, signUpWithPassword } from "../fixtures/account";
import { expect, test, VirtualAuthenticator } from "../fixtures/virtual-authenticator";
import { disableAutofill } from "../fixtures/webauthn-calls";
import { ADMIN_EMAIL } from "../servers";

async function expectNoAxeViolations(page: Page) {
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}

test("an admin with only a synced passkey is told to add a security key, and is admitted signed in with one whose attestation verifies", async ({
  page,
  authenticator,
}) => {
  // Two authenticators, three sign-ins and four accessibility checks: more than the default minute
  // on a busy machine.
  test.slow();
  await disableAutofill(page);
  await authenticator.remove();
  const phone = await VirtualAuthenticator.attach(page, { synced: true });
  await signUpWithPassword(page, ADMIN_EMAIL);
  await addPasskey(page, "Phone");

  await test.step("signed in with the synced passkey: refused, with what to add", async () => {
    await signOut(page);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();

    await expect(page.getByRole("heading", { name: "This sign-in can't open the admin area" })).toBeVisible();
    await expect(
      page.getByText(
        "You only have synced passkeys (iCloud Keychain, Google Password Manager and the like), which can be copied to other devices.",
      ),
    ).toBeVisible();
    await expect(
      page.getByText(
        "Add a security key from a maker this site trusts, and let your browser share its make and model when it asks; then sign out and sign in with it.",
      ),
    ).toBeVisible();
    await expect(page.getByRole("heading", { name: "Passkey adoption" })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  await test.step("adds a security key, and is told to sign in with it", async () => {
    await page.getByRole("link", { name: "Add a passkey" }).click();
    await expect(page).toHaveURL(/\/settings\/security\/passkeys\?add=1$/);
    await expect(page.getByLabel("Passkey name", { exact: true })).toBeFocused();
    await phone.remove();
    await VirtualAuthenticator.attach(page, { synced: false });
    await addPasskey(page, "Security key");
    // Its attestation chained to the server's trust anchor (playwright.config.ts).
    await expect(
      page
        .getByRole("listitem", { name: "Security key" })
        .getByText("Verified: a security key from a trusted maker"),
    ).toBeVisible();

    await page.goto("/admin");
    await expect(page.getByText("You signed in with “Phone”, a synced passkey")).toBeVisible();
    await expect(page.getByText("Sign out, then sign in with your passkey “Security key”.")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  await test.step("signed in with the security key: admitted, and sees the figures", async () => {
    await page.getByRole("button", { name: "Sign out and sign in again" }).click();
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin$/);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page).toHaveURL(/\/admin$/);

    await expect(page.getByRole("heading", { name: "Passkey adoption" })).toBeVisible();
    const activeUsers = page.getByRole("definition").first();
    await expect(activeUsers).toHaveText(/^[1-9]\d*$/);
    await expect(page.getByText(/^Accounts with no recovery path: \d+$/)).toBeVisible();
    await expect(page.getByRole("img", { name: /^Sign-ins per day from/ })).toBeVisible();
    await page.getByText("Show the numbers as a table").click();
    await expect(
      page.getByRole("table", { name: "Sign-ins per day by method" }).getByRole("row"),
    ).toHaveCount(31);
    await expectNoAxeViolations(page);
    await page.emulateMedia({ colorScheme: "dark" });
    await expectNoAxeViolations(page);
  });
});

test("the admin area does not exist for other users", async ({ page }) => {
  await signUpWithPassword(page);

  await expect(
    page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }),
  ).toHaveCount(0);
  const response = await page.goto("/admin");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Passkey adoption" })).toHaveCount(0);
  await expect(page.getByText("This sign-in can't open the admin area")).toHaveCount(0);
});
