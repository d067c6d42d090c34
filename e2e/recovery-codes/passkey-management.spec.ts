import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { addPasskey, declineWayBackIn, passkeyRows, signOut, signUpWithPassword } from "../fixtures/account";
import { recordSignals, signalCalls } from "../fixtures/signals";
import { expect, test, VirtualAuthenticator } from "../fixtures/virtual-authenticator";
import { disableAutofill } from "../fixtures/webauthn-calls";

const rows = (page: Page) => passkeyRows(page);
const row = (page: Page, name: string) => passkeyRows(page, name);

async function addPasskeyAndFocus(page: Page, name: string) {
  await addPasskey(page, name);
  const id = await row(page, name).getAttribute("data-passkey-id");
  await expect(page.locator(`#passkey-${id}`)).toBeFocused();
}

test("manage passkeys from two devices: badges, rename, last use, remove, and the browser is told", async ({
  page,
  authenticator,
}) => {
  await disableAutofill(page);
  await recordSignals(page);
  await signUpWithPassword(page);
  await declineWayBackIn(page);

  await test.step("the empty state explains passkeys and offers to add one", async () => {
    await expect(page.getByText("No passkeys yet. With one there is nothing to remember")).toBeVisible();
    await page.getByRole("button", { name: "Add a passkey" }).first().click();
    await expect(page.getByLabel("Passkey name", { exact: true })).toBeFocused();
    await expect(page.getByLabel("Passkey name", { exact: true })).not.toHaveValue("");
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });

  await test.step("add a synced passkey on a phone, then a device-bound one on a security key", async () => {
    await authenticator.remove();
    const phone = await VirtualAuthenticator.attach(page, { synced: true });
    await addPasskeyAndFocus(page, "Phone");
    await phone.remove();
    await VirtualAuthenticator.attach(page, { synced: false });
    await addPasskeyAndFocus(page, "Security key");

    await expect(rows(page)).toHaveCount(2);
    await expect(rows(page).first()).toContainText("Security key");
    await expect(row(page, "Phone")).toContainText("Synced across your devices");
    await expect(row(page, "Security key")).toContainText("Only on this device");
    await expect(rows(page).filter({ hasText: "Never used" })).toHaveCount(2);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });

  await test.step("sign in with the security key: it shows as used, and as this session's", async () => {
    await signOut(page);
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.goto("/settings/security/passkeys");
    await expect(row(page, "Security key")).toContainText("Last used just now");
    await expect(row(page, "Security key")).toContainText("Used for this sign-in");
    await expect(row(page, "Phone")).not.toContainText("Used for this sign-in");
  });

  await test.step("rename inline: Escape cancels, a bad name is explained, Enter saves", async () => {
    await page.getByRole("button", { name: "Rename Security key" }).click();
    const field = page.getByRole("textbox", { name: "Passkey name" }).first();
    await expect(field).toBeFocused();
    await field.press("Escape");
    await expect(page.getByRole("button", { name: "Rename Security key" })).toBeFocused();

    await page.getByRole("button", { name: "Rename Security key" }).click();
    await field.fill("   ");
    await field.press("Enter");
    await expect(page.getByText("Give the passkey a name.")).toBeVisible();
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await field.fill("Desk key");
    await field.press("Enter");
    await expect(row(page, "Desk key")).toBeVisible();
    await expect(page.getByRole("button", { name: "Rename Desk key" })).toBeFocused();
    await page.reload();
    await expect(row(page, "Desk key")).toBeVisible();
  });

  await test.step("remove the phone's passkey after a confirmation that names it, signing out its sessions", async () => {
    await page.getByRole("button", { name: "Remove Phone" }).click();
    const dialog = page.getByRole("dialog", { name: "Remove “Phone”?" });
    await expect(dialog).toBeVisible();
    const signOutItsSessions = dialog.getByRole("checkbox", {
      name: "Also sign out the sessions this passkey signed in",
    });
    await expect(signOutItsSessions).toBeChecked();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    const removal = page.waitForRequest((request) => request.url().includes("/passkey/delete-passkey"));
    await dialog.getByRole("button", { name: "Remove passkey" }).click();
    expect(new URL((await removal).url()).searchParams.get("signOutItsSessions")).toBe("true");
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByRole("heading", { name: /Your passkeys/ })).toBeFocused();
    await expect(page.getByText("Passkey “Phone” removed.")).toBeVisible();
  });

  await test.step("the browser hears which passkeys the account still accepts", async () => {
    const remaining = await page.locator("[data-passkey-id]").count();
    const accepted = (await signalCalls(page)).filter(
      (call) => call.method === "signalAllAcceptedCredentials",
    );
    expect(remaining).toBe(1);
    expect(accepted.at(-1)?.options).toMatchObject({ rpId: "localhost" });
    expect(accepted.at(-1)?.options.allAcceptedCredentialIds).toHaveLength(1);
  });

  await test.step("removing the last passkey warns loudly, and keeps this session signed in", async () => {
    await page.getByRole("button", { name: "Remove Desk key" }).click();
    await expect(page.getByText("This is your last passkey, and you have no recovery codes.")).toBeVisible();
    await expect(
      page.getByRole("checkbox", { name: "Also sign out the sessions this passkey signed in" }),
    ).toHaveAccessibleDescription("This session was signed in with it too, and stays signed in.");
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(rows(page)).toHaveCount(1);
  });
});
