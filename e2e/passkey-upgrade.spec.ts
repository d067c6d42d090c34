import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { signUpWithPassword } from "./fixtures/account";
import { expect, test } from "./fixtures/virtual-authenticator";
import { recordWebAuthnCalls, webAuthnCalls } from "./fixtures/webauthn-calls";

/** What the browser says about conditional create; Chromium's answer depends on its password manager. */
async function reportConditionalCreate(page: Page, supported: boolean): Promise<void> {
  await page.addInitScript((conditionalCreate) => {
    Object.defineProperty(PublicKeyCredential, "getClientCapabilities", {
      value: async () => ({ conditionalCreate }),
    });
  }, supported);
}

const banner = (page: Page) =>
  page.getByRole("region", { name: "Skip the password next time — add a passkey" });

test("where conditional create is supported, the password manager is asked quietly, and only once a week", async ({
  page,
}) => {
  await reportConditionalCreate(page, true);
  await recordWebAuthnCalls(page);
  await signUpWithPassword(page);

  await page.goto("/dashboard");

  await expect
    .poll(async () => (await webAuthnCalls(page)).filter((call) => call.kind === "create"))
    .toEqual([expect.objectContaining({ kind: "create", mediation: "conditional" })]);
  await expect(banner(page)).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  expect((await webAuthnCalls(page)).filter((call) => call.kind === "create")).toEqual([]);
});

test("elsewhere, a banner the user can dismiss, shown once a week, keyboard and screen-reader ready", async ({
  page,
}) => {
  await reportConditionalCreate(page, false);
  await signUpWithPassword(page);

  await page.goto("/dashboard");

  await expect(banner(page)).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await banner(page).getByRole("button", { name: "Not now" }).focus();
  await page.keyboard.press("Enter");
  await expect(banner(page)).toBeHidden();
  await page.reload();
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await expect(banner(page)).toBeHidden();
});
