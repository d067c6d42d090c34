import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext, Page } from "@playwright/test";
import { declineWayBackIn, passkeyRows, signUpWithPassword } from "./fixtures/account";
import { expect, test } from "./fixtures/virtual-authenticator";
import { disableAutofill } from "./fixtures/webauthn-calls";
import { SHORT_STEP_UP_SECONDS, SHORT_STEP_UP_URL } from "./servers";

const PASSWORD = "correct horse battery staple";

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name.endsWith("session_token"))?.value;
}

/** A cancellation is information, not an error: it is not drawn in the error notice's red. */
async function expectInformation(notice: ReturnType<Page["getByText"]>) {
  await expect(notice).toBeVisible();
  await expect(notice).not.toHaveClass(/\bbg-red-/);
}

async function confirmWithPassword(page: Page) {
  const stepUp = page.getByRole("dialog", { name: "Confirm it's you" });
  await stepUp.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await stepUp.getByRole("button", { name: "Confirm with password" }).click();
  await expect(stepUp).toBeHidden();
}

test.describe("with a short step-up window", () => {
  test.use({ baseURL: SHORT_STEP_UP_URL });

  const outlastWindow = (page: Page) => page.waitForTimeout((SHORT_STEP_UP_SECONDS + 1) * 1000);

  test("the step-up dialog blocks removing a passkey until a fresh passkey assertion", async ({
    page,
    context,
  }) => {
    await disableAutofill(page);
    await signUpWithPassword(page);
    await declineWayBackIn(page);
    const signedIn = await sessionCookie(context);
    await outlastWindow(page);
    const form = page.getByRole("form", { name: "Add a passkey" });
    await form.getByLabel("Passkey name").fill("Laptop");
    await form.getByRole("button", { name: "Add a passkey" }).click();
    const stepUp = page.getByRole("dialog", { name: "Confirm it's you" });
    await stepUp.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await stepUp.getByRole("button", { name: "Confirm with password" }).click();
    await expect(stepUp).toBeHidden();
    await expect(passkeyRows(page, "Laptop")).toBeVisible();
    // Same session, same cookie: stepping up is not signing in again.
    expect(await sessionCookie(context)).toBe(signedIn);
    await outlastWindow(page);

    const confirmRemoval = page.getByRole("dialog", { name: "Remove “Laptop”?" });
    await passkeyRows(page, "Laptop")
      .getByRole("button", { name: /Remove/ })
      .click();
    await confirmRemoval.getByRole("button", { name: "Remove passkey" }).click();
    await expect(stepUp).toBeVisible();
    await expect(stepUp.getByRole("button", { name: "Confirm with a passkey" })).toBeFocused();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await stepUp.getByRole("button", { name: "Cancel" }).click();
    await expect(stepUp).toBeHidden();
    await expectInformation(confirmRemoval.getByText("Nothing was changed"));
    await expect(confirmRemoval.getByRole("button", { name: "Remove passkey" })).toBeFocused();
    await page.reload();
    await expect(passkeyRows(page, "Laptop")).toBeVisible();

    await passkeyRows(page, "Laptop")
      .getByRole("button", { name: /Remove/ })
      .click();
    await confirmRemoval.getByRole("button", { name: "Remove passkey" }).click();
    await stepUp.getByRole("button", { name: "Confirm with a passkey" }).click();
    await expect(stepUp).toBeHidden();
    await expect(passkeyRows(page, "Laptop")).toHaveCount(0);
  });

  test("a closed step-up dialog, and a passkey prompt that fails in it, read as cancellations", async ({
    page,
    authenticator,
  }) => {
    await disableAutofill(page);
    await signUpWithPassword(page);
    await declineWayBackIn(page);
    await outlastWindow(page);
    const form = page.getByRole("form", { name: "Add a passkey" });
    const stepUp = page.getByRole("dialog", { name: "Confirm it's you" });
    await form.getByLabel("Passkey name").fill("Laptop");
    await form.getByRole("button", { name: "Add a passkey" }).click();
    await stepUp.getByRole("button", { name: "Cancel" }).click();
    await expect(stepUp).toBeHidden();
    await expectInformation(form.getByText("Nothing was changed"));
    await expect(passkeyRows(page)).toHaveCount(0);

    await form.getByRole("button", { name: "Add a passkey" }).click();
    await confirmWithPassword(page);
    await expect(passkeyRows(page, "Laptop")).toBeVisible();
    await outlastWindow(page);
    await authenticator.failUserVerification();
    await passkeyRows(page, "Laptop")
      .getByRole("button", { name: /Remove/ })
      .click();
    await page
      .getByRole("dialog", { name: "Remove “Laptop”?" })
      .getByRole("button", { name: "Remove passkey" })
      .click();
    await stepUp.getByRole("button", { name: "Confirm with a passkey" }).click();
    await expectInformation(stepUp.getByText("No passkey was used. Try again, or use your password."));
    await expect(stepUp).toBeVisible();
  });

  test("signing out all other sessions, after confirming it's you, signs the other browser out", async ({
    page,
    browser,
  }) => {
    const email = await signUpWithPassword(page);
    const elsewhere = await browser.newContext();
    const other = await elsewhere.newPage();
    await other.goto("/sign-in");
    await other.getByLabel("Email", { exact: true }).fill(email);
    await other.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await other.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(other).toHaveURL(/\/dashboard$/);

    await page.goto("/settings/security/sessions");
    const sessions = page.getByRole("list", { name: "Your sessions" }).getByRole("listitem");
    await expect(sessions).toHaveCount(2);
    await expect(sessions.first()).toContainText("This device");
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await outlastWindow(page);
    await page.getByRole("button", { name: "Sign out all other sessions" }).click();
    await page
      .getByRole("dialog", { name: "Confirm it's you" })
      .getByRole("button", { name: "Cancel" })
      .click();
    // The same words, as information, as everywhere a step-up is closed.
    await expectInformation(
      page.getByText("Nothing was changed. Confirm it's you when you want to go ahead."),
    );
    await expect(sessions).toHaveCount(2);

    await page.getByRole("button", { name: "Sign out all other sessions" }).click();
    await confirmWithPassword(page);
    await expect(sessions).toHaveCount(1);
    await expect(page.getByText("Signed out of every other session.")).toBeVisible();
    await expect(page.getByText("Nothing was changed")).toBeHidden();
    const heading = page.getByRole("heading", { name: "Signed in (1)" });
    await expect(heading).toBeFocused();
    expect(await heading.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe("solid");
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    await other.goto("/settings/security/passkeys");
    await expect(other).toHaveURL(/\/sign-in\?next=/);
    await elsewhere.close();
  });

  test("deleting the account asks for the email and a step-up, then signs out with a notice", async ({
    page,
  }) => {
    await disableAutofill(page);
    const email = await signUpWithPassword(page);
    await page.goto("/settings/account");
    await outlastWindow(page);

    await page.getByRole("button", { name: "Delete account…" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete your account?" });
    const confirm = dialog.getByRole("button", { name: "Delete account" });
    await expect(confirm).toBeDisabled();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await dialog.getByLabel(`Type ${email} to confirm`).fill(email);
    await confirm.click();
    await confirmWithPassword(page);

    await expect(page).toHaveURL(/\/\?account=deleted$/);
    await expect(page.getByText("Your account has been deleted")).toBeVisible();
    await page.goto("/settings/account");
    await expect(page).toHaveURL(/\/sign-in\?next=/);
  });
});
