import { expectNoAxeViolations } from "../fixtures/accessibility";
import { addPasskey, passkeyRows, signUpWithPasskey, signUpWithPassword } from "../fixtures/account";
import { expect, test } from "../fixtures/virtual-authenticator";
import { disableAutofill } from "../fixtures/webauthn-calls";
import { saveRecoveryCodes } from "./contribution";

/** What the passkeys page says of the recovery codes: e2e/passkey-feedback.spec.ts's, with the feature. */

test("the last passkey's dialog tells the truth about recovery codes", async ({ page }) => {
  await disableAutofill(page);

  await test.step("with a password and recovery codes: the codes are the way back in if the password is forgotten", async () => {
    await signUpWithPassword(page);
    await addPasskey(page, "Laptop");
    await page.getByRole("button", { name: "Remove Laptop" }).click();
    const dialog = page.getByRole("dialog", { name: "Remove “Laptop”?" });
    await expect(
      dialog.getByText(
        "This is your last passkey. After removing it you sign in with your password. If you forget it, one of your recovery codes gets you back in.",
      ),
    ).toBeVisible();
    await expect(dialog.getByText("you have no recovery codes")).toHaveCount(0);
    await expectNoAxeViolations(page);
    await dialog.getByRole("button", { name: "Cancel" }).click();
  });
});

test("without a password, the last passkey cannot go, and recovery codes are said not to change that", async ({
  page,
}) => {
  await disableAutofill(page);
  await signUpWithPasskey(page);
  await saveRecoveryCodes(page);
  await page.goto("/settings/security/passkeys");
  await passkeyRows(page)
    .first()
    .getByRole("button", { name: /^Remove/ })
    .click();
  const dialog = page.getByRole("dialog", { name: /^You can't remove/ });
  await expect(dialog.getByText("This passkey is your only way to sign in.")).toBeVisible();
  await expect(
    dialog.getByText(
      "Your recovery codes don't change this: each one gets you in once, so that you can add a new passkey.",
    ),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});
