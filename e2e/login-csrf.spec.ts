import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { site } from "@/config/site";
import { signUpWithPassword, submitSignUp, uniqueEmail } from "./fixtures/account";
import { firstLink, waitForMail } from "./fixtures/mailbox";
import { expect, test } from "./fixtures/virtual-authenticator";
import { disableAutofill } from "./fixtures/webauthn-calls";

/** Whom the page's browser is signed in as, asked from inside the page. */
function signedInAs(page: Page): Promise<string | undefined> {
  return page.evaluate(() =>
    fetch("/api/auth/get-session")
      .then((response) => response.json())
      .then((session) => session?.user.email),
  );
}

test("a signed-in person who is sent another account's mailed links stays signed in to their own, and nothing changes", async ({
  page,
  browser,
  baseURL,
}) => {
  await disableAutofill(page);
  const mine = await signUpWithPassword(page);
  // Someone else, in a browser of their own, gets the mails: a sign-up link, and, for an account of
  // theirs they ask to move to a new address, the link that confirms it.
  const theirBrowser = await browser.newContext({ baseURL });
  const stranger = await theirBrowser.newPage();
  const passkeyAddress = uniqueEmail();
  await submitSignUp(stranger, passkeyAddress);
  const passkeyLink = firstLink(await waitForMail(passkeyAddress, /Finish creating/));
  await signUpWithPassword(stranger);
  const theirNewAddress = uniqueEmail();
  await stranger.goto("/settings/account");
  await stranger.getByLabel("New email").fill(theirNewAddress);
  await stranger.getByRole("button", { name: "Change email" }).click();
  const link = firstLink(await waitForMail(theirNewAddress, /Confirm your new email/));
  await theirBrowser.close();

  await test.step("a page on another site sends the browser to the change's link: it is not theirs to confirm", async () => {
    const otherSite = (baseURL as string).replace("//localhost", "//evil.localhost");
    await page.goto(`${otherSite}/sign-in`);
    await page.evaluate((target) => window.location.assign(target), link);

    await expect(page).toHaveURL(/\/settings\/account\/new-email\?token=/);
    await expect(page.getByText(`This link is for another ${site.name} account.`)).toBeVisible();
    await expect(page.getByRole("button", { name: /^Use / })).toHaveCount(0);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    expect(await signedInAs(page)).toBe(mine);
  });

  await test.step("a passkey sign-up link asks the same: sign out first", async () => {
    await page.goto(passkeyLink);
    await expect(page.getByText(`You're signed in as ${mine}. Sign out first`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Create my passkey" })).toHaveCount(0);
    expect(await signedInAs(page)).toBe(mine);
  });
});
