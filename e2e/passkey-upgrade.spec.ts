import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { declineWayBackIn, passkeyRows, signUpWithPassword } from "./fixtures/account";
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

/**
 * How the password manager answers a quiet request for a passkey: it declines, as it does for an
 * account it holds no password for, or it never answers before the user leaves the page.
 */
async function answerConditionalCreate(page: Page, answer: "decline" | "never"): Promise<void> {
  await page.addInitScript((answer) => {
    const create = navigator.credentials.create.bind(navigator.credentials);
    navigator.credentials.create = (options) => {
      if ((options as { mediation?: string } | undefined)?.mediation !== "conditional")
        return create(options);
      if (answer === "never") return new Promise(() => {});
      return Promise.reject(new DOMException("The password manager declined.", "NotAllowedError"));
    };
  }, answer);
}

const banner = (page: Page) => page.getByRole("region", { name: "Skip the password next time" });

/** The requests that spend the week's offer, as the page sends them. */
function countOffersShown(page: Page): () => number {
  let shown = 0;
  page.on("request", (request) => {
    if (request.url().endsWith("/api/auth/passkey-upgrade/offer-shown")) shown++;
  });
  return () => shown;
}

test("a page that showed no offer spends nothing: the password manager is asked again on the next visit", async ({
  page,
}) => {
  await reportConditionalCreate(page, true);
  await answerConditionalCreate(page, "never");
  await recordWebAuthnCalls(page);
  await signUpWithPassword(page);
  const offersShown = countOffersShown(page);
  const quietRequests = async () =>
    (await webAuthnCalls(page)).filter((call) => call.kind === "create" && call.mediation === "conditional");

  await page.goto("/dashboard");
  await expect.poll(quietRequests).toHaveLength(1);
  await expect(banner(page)).toBeHidden();
  await page.reload();

  await expect.poll(quietRequests).toHaveLength(1);
  expect(offersShown()).toBe(0);
});

test("when the password manager quietly declines, the offer is made in words, and the week is spent once it is seen", async ({
  page,
}) => {
  await reportConditionalCreate(page, true);
  await answerConditionalCreate(page, "decline");
  await recordWebAuthnCalls(page);
  await signUpWithPassword(page);
  const offersShown = countOffersShown(page);

  const shown = page.waitForResponse((response) => response.url().endsWith("/passkey-upgrade/offer-shown"));
  await page.goto("/dashboard");
  await expect(banner(page)).toBeVisible();
  expect(await (await shown).json()).toEqual({ recorded: true });

  await page.reload();
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await expect(banner(page)).toBeHidden();
  expect((await webAuthnCalls(page)).filter((call) => call.kind === "create")).toEqual([]);
  expect(offersShown()).toBe(1);
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

test("the banner's “Add a passkey” ends on the passkeys page, with the new passkey shown as new", async ({
  page,
}) => {
  await reportConditionalCreate(page, false);
  await signUpWithPassword(page);
  await declineWayBackIn(page);

  await page.goto("/dashboard");
  await banner(page).getByRole("link", { name: "Add a passkey" }).click();

  await expect(page).toHaveURL(/\/settings\/security\/passkeys\?add=1$/);
  const name = page.getByLabel("Passkey name", { exact: true });
  await expect(name).toBeFocused();
  await name.fill("Laptop");
  await name.press("Enter");
  await expect(page.getByText("Passkey “Laptop” added.")).toBeVisible();
  await expect(passkeyRows(page, "Laptop").getByText("New", { exact: true })).toBeVisible();
});
