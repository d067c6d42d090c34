import { declineRecoveryCodes, passkeyRows, signUpWithPassword } from "./fixtures/account";
import { expect, test } from "./fixtures/virtual-authenticator";
import { SHORT_FRESHNESS_SECONDS, SHORT_FRESHNESS_URL } from "./servers";

test.use({ baseURL: SHORT_FRESHNESS_URL });

test("a session too old to add a passkey asks the user to confirm it's them, then adds it", async ({
  page,
}) => {
  await signUpWithPassword(page);
  await declineRecoveryCodes(page);
  await page.waitForTimeout((SHORT_FRESHNESS_SECONDS + 1) * 1000);

  const form = page.getByRole("form", { name: "Add a passkey" });
  await form.getByLabel("Passkey name").fill("Laptop");
  await form.getByRole("button", { name: "Add a passkey" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Password", { exact: true }).fill("correct horse battery staple");
  await dialog.getByRole("button", { name: "Confirm with password" }).click();

  await expect(dialog).toBeHidden();
  await expect(passkeyRows(page, "Laptop")).toBeVisible();
});
