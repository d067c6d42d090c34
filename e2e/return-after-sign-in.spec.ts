import { addPasskey, signOut, signUpWithPassword } from "./fixtures/account";
import { expect, test } from "./fixtures/virtual-authenticator";
import { disableAutofill } from "./fixtures/webauthn-calls";

test("after sign-in the user returns to the page they asked for, and never to another site", async ({
  page,
}) => {
  await disableAutofill(page);
  await signUpWithPassword(page);
  await addPasskey(page, "Laptop");
  await signOut(page);

  await test.step("a protected page sends a signed-out visitor to sign in, then back", async () => {
    await page.goto("/settings/security/passkeys");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings%2Fsecurity%2Fpasskeys$/);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page).toHaveURL(/\/settings\/security\/passkeys$/);
    await signOut(page);
  });

  await test.step("a next parameter pointing at another site is ignored", async () => {
    await page.goto("/sign-in?next=//evil.example");
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });
});
