import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { addPasskey, signOut, signUpWithPassword } from "./fixtures/account";
import { firstLink, waitForMail } from "./fixtures/mailbox";
import { expect, test } from "./fixtures/virtual-authenticator";
import { disableAutofill } from "./fixtures/webauthn-calls";

const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "a brand new passphrase";

/** Axe on the settled page: a refresh after a change streams the head back in, title included. */
async function expectAccessible(page: Page) {
  await expect(page).toHaveTitle(/\S/);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
}

/** Signs in with the password form; the answer decides where the page goes. */
async function signInWithPassword(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  const form = page.getByRole("form", { name: "Sign in with password" });
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Password", { exact: true }).fill(password);
  await form.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("a forgotten password: ask on the sign-in page, open the mailed link, set a new one", async ({
  page,
}) => {
  await disableAutofill(page);
  const email = await signUpWithPassword(page);
  await signOut(page);

  await test.step("the sign-in page leads from the password to the forgot-password page", async () => {
    await page.goto("/sign-in");
    await page
      .getByRole("form", { name: "Sign in with password" })
      .getByRole("link", { name: "Forgot your password?" })
      .click();
    await expect(page).toHaveURL(/\/forgot-password$/);
    await expect(page.getByRole("heading", { name: "Forgot your password?", level: 1 })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("every address gets the same answer", async () => {
    const form = page.getByRole("form", { name: "Reset your password" });
    await form.getByLabel("Email").fill(email);
    await form.getByRole("button", { name: "Mail me a link" }).click();
    await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
    await expectAccessible(page);
  });

  await test.step("the link opens a page that sets the new password and sends no Referer", async () => {
    const link = firstLink(await waitForMail(email, /Reset your .* password/));
    expect(new URL(link).pathname).toBe("/reset-password");
    await page.goto(link);
    await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "no-referrer");
    await expectAccessible(page);
    const form = page.getByRole("form", { name: "Choose a new password" });
    await form.getByLabel("New password").fill(NEW_PASSWORD);
    await form.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByRole("heading", { name: "Your password is changed" })).toBeVisible();
    await expectAccessible(page);
    const notice = await waitForMail(email, /password was reset/);
    expect(notice.text).toContain("every session was signed out");
  });

  await test.step("the link works once", async () => {
    await page.reload();
    const form = page.getByRole("form", { name: "Choose a new password" });
    await form.getByLabel("New password").fill("yet another passphrase");
    await form.getByRole("button", { name: "Set new password" }).click();
    await expect(form.getByText("This link has expired, was already used")).toBeVisible();
    await expect(form.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
  });

  await test.step("the old password no longer signs in; the new one does", async () => {
    await signInWithPassword(page, email, PASSWORD);
    await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
    await signInWithPassword(page, email, NEW_PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/);
  });
});

/** Asks for a reset link on the forgot-password page and returns the mailed link. */
async function resetLinkFor(page: Page, email: string): Promise<string> {
  await page.goto("/forgot-password");
  const form = page.getByRole("form", { name: "Reset your password" });
  await form.getByLabel("Email").fill(email);
  await form.getByRole("button", { name: "Mail me a link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  return firstLink(await waitForMail(email, /Reset your .* password/));
}

test("a reset link pasted into the tab of another, so that only the fragment differs, resets its own account", async ({
  page,
}) => {
  await disableAutofill(page);
  const first = await signUpWithPassword(page);
  await signOut(page);
  const second = await signUpWithPassword(page);
  await signOut(page);
  const [firstLinkSent, secondLinkSent] = [await resetLinkFor(page, first), await resetLinkFor(page, second)];

  await page.goto(firstLinkSent);
  await expect(page.getByRole("form", { name: "Choose a new password" })).toBeVisible();
  await page.goto(secondLinkSent);
  const form = page.getByRole("form", { name: "Choose a new password" });
  await form.getByLabel("New password").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByRole("heading", { name: "Your password is changed" })).toBeVisible();

  await signInWithPassword(page, second, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
  await signOut(page);
  await signInWithPassword(page, first, PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("changing the password on the account page signs the other sessions out", async ({ page, browser }) => {
  await disableAutofill(page);
  const email = await signUpWithPassword(page);
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await signInWithPassword(other, email, PASSWORD);
  await expect(other).toHaveURL(/\/dashboard$/);

  await page.goto("/settings/account");
  await expectAccessible(page);
  const form = page.getByRole("form", { name: "Change your password" });
  await form.getByLabel("Current password").fill(PASSWORD);
  await form.getByLabel("New password").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("Your password is changed. Every other session was signed out.")).toBeVisible();
  await expect((await waitForMail(email, /password was changed/)).text).toContain("every other session");

  await other.goto("/settings/account");
  await expect(other).toHaveURL(/\/sign-in\?next=/);
  await elsewhere.close();
  await signOut(page);
  await signInWithPassword(page, email, NEW_PASSWORD);
  await expect(page).toHaveURL(/\/dashboard$/);
});

test("going passwordless, with a warning, and adding a password back", async ({ page }) => {
  await disableAutofill(page);
  const email = await signUpWithPassword(page, undefined, "save");
  await addPasskey(page, "Laptop");
  await page.goto("/settings/account");
  const section = page.getByRole("region", { name: "Password" });
  await expect(section.getByText("You sign in with a passkey or your password.")).toBeVisible();

  await test.step("the warning says what the account gains and what losing the passkeys means", async () => {
    await section.getByRole("button", { name: "Remove password…" }).click();
    const dialog = page.getByRole("dialog", { name: "Remove your password?" });
    await expect(dialog.getByText("your account becomes phishing-resistant")).toBeVisible();
    await expect(dialog.getByText("If you lose your passkeys,")).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Remove password" }).click();
    await expect(dialog).toBeHidden();
    await expect(section.getByText("Your password is removed")).toBeVisible();
    await expect(section.getByText("You sign in with a passkey only.")).toBeVisible();
    await expect(section.getByRole("heading", { name: "Password" })).toBeFocused();
    await expectAccessible(page);
    await waitForMail(email, /no longer has a password/);
  });

  await test.step("the security overview says so too", async () => {
    await page.goto("/settings/security");
    const methods = page.getByRole("region", { name: "Ways to sign in" });
    await expect(methods.getByText("Your account is phishing-resistant")).toBeVisible();
    await expect(methods.getByRole("definition")).toHaveText(["1 passkey", "Not set"]);
  });

  await test.step("the password no longer signs in", async () => {
    await signOut(page);
    await signInWithPassword(page, email, PASSWORD);
    await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  await test.step("a password can be added back", async () => {
    await page.goto("/settings/account");
    const form = section.getByRole("form", { name: "Add a password" });
    await form.getByLabel("Password").fill(NEW_PASSWORD);
    await form.getByRole("button", { name: "Add password" }).click();
    await expect(section.getByText("Password added")).toBeVisible();
    await expect(section.getByRole("form", { name: "Change your password" })).toBeVisible();
    await expectAccessible(page);
    await waitForMail(email, /password was added/);
    await signOut(page);
    await signInWithPassword(page, email, NEW_PASSWORD);
    await expect(page).toHaveURL(/\/dashboard$/);
  });
});

test("a new name is the display name of the passkeys added after it", async ({ page, authenticator }) => {
  await disableAutofill(page);
  const email = await signUpWithPassword(page);
  await page.goto("/settings/account");

  const form = page.getByRole("form", { name: "Change your name" });
  await form.getByLabel("Name").fill("Ada King");
  await form.getByRole("button", { name: "Save name" }).click();
  await expect(form.getByText("Your name is now Ada King.")).toBeVisible();
  await expectAccessible(page);
  await page.reload();
  await expect(form.getByLabel("Name")).toHaveValue("Ada King");

  await addPasskey(page, "Laptop");
  const [credential] = await authenticator.credentials();
  expect(credential).toMatchObject({ userName: email, userDisplayName: "Ada King" });
});
