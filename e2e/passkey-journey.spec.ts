import { addPasskey, passkeyRows, signOut, signUpWithPassword } from "./fixtures/account";
import { expect, test } from "./fixtures/virtual-authenticator";
import { disableAutofill, recordWebAuthnCalls, webAuthnCalls } from "./fixtures/webauthn-calls";

test("sign up, add a passkey, then sign in with it through autofill and through the button", async ({
  page,
  authenticator,
}) => {
  await recordWebAuthnCalls(page);

  const email = await test.step("sign up with a password and get invited to add a passkey", async () => {
    const email = await signUpWithPassword(page);
    await expect(page.getByText("Your account is ready. Add a passkey now")).toBeVisible();
    await expect(page.getByText("No passkeys yet")).toBeVisible();
    return email;
  });

  await test.step("add a passkey; the OS prompt would name the account by email", async () => {
    await addPasskey(page, "Test laptop");
    await expect(passkeyRows(page, "Test laptop")).toContainText("Only on this device");
    await expect(passkeyRows(page, "Test laptop")).toContainText("Never used");
    const [credential, ...others] = await authenticator.credentials();
    expect(others).toHaveLength(0);
    expect(credential?.rpId).toBe("localhost");
    expect(credential?.isResidentCredential).toBe(true);
    expect(credential?.userName).toBe(email);
  });

  await test.step("sign out, then sign in through autofill in the email field", async () => {
    await signOut(page);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole("heading", { name: "Welcome, Ada Lovelace" })).toBeVisible();
    const gets = (await webAuthnCalls(page)).filter((call) => call.kind === "get");
    expect(gets.at(-1)?.mediation).toBe("conditional");
  });

  await test.step("sign out, then sign in with the button on a browser without autofill", async () => {
    await disableAutofill(page);
    await page.reload();
    await signOut(page);
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByLabel("Email")).toHaveAttribute("autocomplete", "username webauthn");
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    const gets = (await webAuthnCalls(page)).filter((call) => call.kind === "get");
    expect(gets.map((call) => call.mediation)).toEqual(["optional"]);
  });

  await test.step("the passkey now shows when it was last used", async () => {
    await page.goto("/settings/security/passkeys");
    await expect(passkeyRows(page, "Test laptop")).toContainText("Last used just now");
  });
});
