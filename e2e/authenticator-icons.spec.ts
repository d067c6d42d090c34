import AxeBuilder from "@axe-core/playwright";
import type { Locator, Page } from "@playwright/test";
import { SoftwareAuthenticator } from "../test/helpers/software-authenticator";
import { passkeyRows, signUpWithPassword } from "./fixtures/account";
import { expect, test } from "./fixtures/virtual-authenticator";
import { disableAutofill } from "./fixtures/webauthn-calls";

const GOOGLE_PASSWORD_MANAGER = "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4";

/**
 * Adds a passkey made by an authenticator that says it is Google Password Manager: Chromium's
 * virtual authenticator always sends the all-zero AAGUID, so the ceremony is run, for real, by the
 * tests' software authenticator, on the page's session.
 */
async function addGooglePasskey(page: Page, origin: string): Promise<void> {
  const authenticator = new SoftwareAuthenticator({
    origin,
    aaguid: GOOGLE_PASSWORD_MANAGER,
    flags: { userPresent: true, userVerified: true, backupEligible: true, backedUp: true },
  });
  const options = await page.request.get("/api/auth/passkey/generate-register-options");
  expect(options.ok()).toBe(true);
  const verified = await page.request.post("/api/auth/passkey/verify-registration", {
    data: { response: authenticator.createCredential(await options.json()) },
    headers: { origin },
  });
  expect(verified.ok()).toBe(true);
}

/** The image has loaded, from the version of the icon for `scheme`. */
async function expectIcon(icon: Locator, scheme: "light" | "dark") {
  await expect
    .poll(() =>
      icon.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0 && img.currentSrc),
    )
    .toMatch(new RegExp(`/authenticator-icons/${GOOGLE_PASSWORD_MANAGER}/${scheme}\\.svg\\?v=[0-9a-f]+$`));
}

test("a passkey from a listed provider shows the provider's name and its own icon, in light and in dark", async ({
  page,
  baseURL,
}) => {
  await disableAutofill(page);
  await signUpWithPassword(page);
  await addGooglePasskey(page, baseURL as string);

  await page.goto("/settings/security/passkeys");

  const row = passkeyRows(page, "Google Password Manager");
  await expect(row).toHaveCount(1);
  await expect(row.getByText(/^Google Password Manager · Synced/)).toBeVisible();
  const icon = row.locator("img");
  await expect(icon).toHaveAttribute("alt", "");
  await expectIcon(icon, "light");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

  await page.emulateMedia({ colorScheme: "dark" });
  await expectIcon(icon, "dark");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
});

test("an icon is served as an image that can run and load nothing", async ({ request }) => {
  const response = await request.get(`/authenticator-icons/${GOOGLE_PASSWORD_MANAGER}/light.svg`);

  expect(response.status()).toBe(200);
  expect(response.headers()).toMatchObject({
    "content-type": "image/svg+xml",
    "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
  });
  expect((await request.get("/authenticator-icons/not-an-aaguid/light.svg")).status()).toBe(400);
  expect(
    (
      await request.get(`/authenticator-icons/${"0".repeat(8)}-0000-0000-0000-${"0".repeat(12)}/light.svg`)
    ).status(),
  ).toBe(404);
});
