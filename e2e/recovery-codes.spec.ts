import AxeBuilder from "@axe-core/playwright";
import { addPasskey, passkeyRows, saveRecoveryCodes, signOut, signUpWithPassword } from "./fixtures/account";
import { expect, test, VirtualAuthenticator } from "./fixtures/virtual-authenticator";
import { disableAutofill } from "./fixtures/webauthn-calls";

const CODE_FORMAT = /^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/;

test("lose every passkey, get back in with a recovery code, add a new passkey; the code is spent", async ({
  page,
  authenticator,
}) => {
  await disableAutofill(page);
  const email = await signUpWithPassword(page);

  const codes = await test.step("adding a first passkey leads straight to the recovery codes", async () => {
    const form = page.getByRole("form", { name: "Add a passkey" });
    await form.getByLabel("Passkey name").fill("Phone");
    await form.getByRole("button", { name: "Add a passkey" }).click();
    await expect(page).toHaveURL(/\/settings\/security\/recovery-codes\?reveal=1$/);
    await expect(page.getByRole("heading", { name: "Your new recovery codes" })).toBeFocused();
    await expect(page.getByRole("button", { name: "Done" })).toBeDisabled();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    const codes = await saveRecoveryCodes(page);
    expect(codes).toHaveLength(10);
    for (const code of codes) expect(code).toMatch(CODE_FORMAT);
    await expect(page.getByText("10 of 10 codes left")).toBeVisible();
    return codes;
  });

  await test.step("the device is lost", async () => {
    await signOut(page);
    await authenticator.remove();
  });

  await test.step("sign in with a recovery code instead", async () => {
    await page.getByRole("link", { name: "Lost your passkey?" }).click();
    await expect(page).toHaveURL(/\/sign-in\/recover$/);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Recovery code", { exact: true }).fill((codes[0] as string).toUpperCase());
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/settings\/security\/passkeys\?recovered=1$/);
    await expect(page.getByText("You're back in. Add a new passkey now")).toBeVisible();
    await expect(page.getByText("You have 9 recovery codes left")).toBeVisible();
  });

  await test.step("add a passkey on the new device", async () => {
    await VirtualAuthenticator.attach(page);
    expect(await addPasskey(page, "New phone")).toBeNull();
    await expect(passkeyRows(page)).toHaveCount(2);
  });

  await test.step("the spent code no longer works; another one still does", async () => {
    await signOut(page);
    await page.goto("/sign-in/recover");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Recovery code", { exact: true }).fill(codes[0] as string);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That email and recovery code don't match an unused code.")).toBeVisible();
    await page.getByLabel("Recovery code", { exact: true }).fill(codes[1] as string);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("You have 8 recovery codes left")).toBeVisible();
  });
});
