import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
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

test("a signed-in person who is sent another account's mailed link is asked before anything changes", async ({
  page,
  browser,
  baseURL,
}) => {
  await disableAutofill(page);
  const mine = await signUpWithPassword(page);
  // Someone else, in a browser of their own, gets the mails: a sign-up link, and, for an account of
  // theirs they ask to move to a new address, the link that would make the change.
  const theirBrowser = await browser.newContext({ baseURL });
  const stranger = await theirBrowser.newPage();
  const passkeyAddress = uniqueEmail();
  await submitSignUp(stranger, passkeyAddress);
  const passkeyLink = firstLink(await waitForMail(passkeyAddress, /Finish creating/));
  const theirs = await signUpWithPassword(stranger);
  const theirNewAddress = uniqueEmail();
  await stranger.goto("/settings/account");
  await stranger.getByLabel("New email").fill(theirNewAddress);
  await stranger.getByRole("button", { name: "Change email" }).click();
  const link = firstLink(await waitForMail(theirNewAddress, /Confirm your email address/));
  await theirBrowser.close();

  await test.step("a page on another site sends the browser to the link: the app asks first", async () => {
    const otherSite = (baseURL as string).replace("//localhost", "//evil.localhost");
    await page.goto(`${otherSite}/sign-in`);
    await page.evaluate((target) => window.location.assign(target), link);

    await expect(page).toHaveURL(/\/confirm-email\?token=/);
    await expect(page.getByRole("heading", { name: "Switch accounts?" })).toBeVisible();
    await expect(
      page.getByText(`You're signed in as ${mine}. The link you opened is for ${theirs}.`),
    ).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    expect(await signedInAs(page)).toBe(mine);
  });

  await test.step("staying changes nothing", async () => {
    await page.getByRole("link", { name: `Stay signed in as ${mine}` }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    expect(await signedInAs(page)).toBe(mine);
  });

  await test.step("a passkey sign-up link asks the same: sign out first", async () => {
    await page.goto(passkeyLink);
    await expect(page.getByText(`You're signed in as ${mine}. Sign out first`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Create my passkey" })).toHaveCount(0);
    expect(await signedInAs(page)).toBe(mine);
  });

  await test.step("choosing to switch signs out, then the link signs in to its own account", async () => {
    await page.goto(link);
    await page.getByRole("button", { name: `Sign out and continue as ${theirs}` }).click();
    await expect(page).toHaveURL(/\/settings\/account\?email=changed$/);
    expect(await signedInAs(page)).toBe(theirNewAddress);
  });
});
