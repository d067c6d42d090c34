import { expect, type Page } from "@playwright/test";
import type { E2eContribution } from "../fixtures/features";
import { uniqueEmail } from "../fixtures/unique-email";

/** The URL of the recovery codes step (routes.saveRecoveryCodes), whatever its query. */
export const RECOVERY_CODES_STEP = /\/setup\/recovery-codes(\?|$)/;

/**
 * Reads the revealed recovery codes (waiting for them: the step makes them on arrival), confirms they
 * are saved, and leaves the reveal: the step goes on to its `next` page, the settings page stays.
 */
export async function saveRecoveryCodes(page: Page): Promise<string[]> {
  const list = page.getByRole("list", { name: "Recovery codes" });
  await expect(list.getByRole("listitem")).toHaveCount(10);
  const codes = await list.getByRole("listitem").allTextContents();
  await page.getByLabel("I have saved these codes").check();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(list).toBeHidden();
  return codes;
}

/** Skips the recovery codes step once they are shown, accepting the warning: the codes are removed. */
export async function skipRecoveryCodes(page: Page): Promise<void> {
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "Skip for now" }).click();
  await page
    .getByRole("dialog", { name: "Skip your recovery codes?" })
    .getByRole("button", { name: "Skip without codes" })
    .click();
  await expect(page).not.toHaveURL(RECOVERY_CODES_STEP);
}

/** The user's informed choice to go without recovery codes, so that adding a passkey stays on the page. */
export async function declineRecoveryCodes(page: Page): Promise<void> {
  const origin = new URL(page.url()).origin;
  const declined = await page.request.post("/api/auth/recovery-codes/decline", {
    data: {},
    headers: { origin },
  });
  expect(declined.ok()).toBe(true);
  // The page read the account's state when it loaded.
  await page.reload();
}

/** What the recovery codes add to the shared end-to-end tests (e2e/fixtures/features.ts). */
export const contribution: E2eContribution = {
  wayBackIn: {
    step: RECOVERY_CODES_STEP,
    afterPasskeySignUp: /\/setup\/recovery-codes\?welcome=1$/,
    shown: (page) => page.getByRole("heading", { name: "Your new recovery codes" }),
    save: saveRecoveryCodes,
    skip: skipRecoveryCodes,
    decline: declineRecoveryCodes,
  },
  signedOutPages: ["/sign-in/recover"],
  signedInPages: ["/settings/security/recovery-codes"],
  signedOutForms: [
    {
      path: "/sign-in/recover",
      form: "Sign in with a recovery code",
      fields: { Email: uniqueEmail(), "Recovery code": "k3y7h-0ldr3-c0v3r" },
      submit: "Sign in",
    },
  ],
};
