import type { BrowserContext } from "@playwright/test";
import { declineRecoveryCodes, passkeyRows, signUpWithPassword } from "./fixtures/account";
import { expect, test } from "./fixtures/virtual-authenticator";
import { SHORT_STEP_UP_SECONDS, SHORT_STEP_UP_URL } from "./servers";

test.use({ baseURL: SHORT_STEP_UP_URL });

async function sessionCookie(context: BrowserContext) {
  return (await context.cookies()).find((cookie) => cookie.name.endsWith("session_token"))?.value;
}

test("a session that has not confirmed it's the user lately confirms in place, then adds the passkey", async ({
  page,
  context,
}) => {
  await signUpWithPassword(page);
  await declineRecoveryCodes(page);
  const signedIn = await sessionCookie(context);
  // Past the step-up window of this server: the sign-in no longer counts as a recent verification.
  await page.waitForTimeout((SHORT_STEP_UP_SECONDS + 1) * 1000);

  const form = page.getByRole("form", { name: "Add a passkey" });
  await form.getByLabel("Passkey name").fill("Laptop");
  await form.getByRole("button", { name: "Add a passkey" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Password", { exact: true }).fill("correct horse battery staple");
  await dialog.getByRole("button", { name: "Confirm with password" }).click();

  await expect(dialog).toBeHidden();
  await expect(passkeyRows(page, "Laptop")).toBeVisible();
  // Same session, same cookie: stepping up is not signing in again.
  expect(await sessionCookie(context)).toBe(signedIn);
});
