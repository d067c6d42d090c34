import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { addPasskey, signOut, signUpWithPassword } from "../fixtures/account";
import { waitForMail } from "../fixtures/mailbox";
import { expect, test } from "../fixtures/virtual-authenticator";
import { disableAutofill } from "../fixtures/webauthn-calls";

async function activitySummaries(page: Page): Promise<string[]> {
  return page
    .getByRole("list", { name: "Security activity" })
    .getByRole("listitem")
    .locator("p:first-child")
    .allTextContents();
}

/** The security activity of an account with recovery codes: e2e/security-activity.spec.ts's, with the feature. */

test("the activity page lists each security event once, newest first; the overview counts what the account has", async ({
  page,
  authenticator,
}) => {
  await disableAutofill(page);
  const email = await signUpWithPassword(page, undefined, "save");

  await test.step("with the recovery codes saved at sign-up, add a passkey; it is mailed about", async () => {
    expect(await addPasskey(page, "Laptop")).toBeNull();
    const mail = await waitForMail(email, /A passkey was added/);
    expect(mail.text).toContain('A new passkey, "Laptop" (a device-bound passkey), was added');
    expect(mail.text).toMatch(/Wasn't you\? .*\/settings\/security/);
  });

  await test.step("a wrong password, then a sign-in with the passkey", async () => {
    await signOut(page);
    const form = page.getByRole("form", { name: "Sign in with password" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Password").fill("not my password");
    await form.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That email and password don't match an account.")).toBeVisible();
    await page.getByRole("button", { name: "Sign in with a passkey" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
    expect(await authenticator.credentials()).toHaveLength(1);
  });

  await test.step("the overview shows the methods and the recovery path", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Security" }).click();
    await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
    const methods = page.getByRole("region", { name: "Ways to sign in" });
    await expect(methods.getByRole("definition")).toHaveText(["1 passkey", "Set"]);
    // Said once, in the recovery path, not a second time among the ways to sign in.
    await expect(page.getByText("Recovery codes: 10 left.")).toBeVisible();
    await expect(page.getByText(/10 left/)).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });

  await test.step("the activity page: newest first, each event once", async () => {
    await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Activity" }).click();
    await expect(page.getByRole("heading", { name: "Security activity" })).toBeVisible();
    const expected = [
      'Signed in with the device-bound passkey "Laptop"',
      "Failed sign-in attempt with a wrong password",
      'Added the device-bound passkey "Laptop"',
      "Generated new recovery codes",
    ];
    const summaries = await activitySummaries(page);
    expect(summaries.slice(0, expected.length)).toEqual(expected);
    for (const summary of expected) expect(summaries.filter((text) => text === summary)).toHaveLength(1);
    const newest = page.getByRole("list", { name: "Security activity" }).getByRole("listitem").first();
    await expect(newest).toContainText(
      /^Signed in with the device-bound passkey "Laptop"Chrome on \w+ · .+ · just now$/,
    );
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.emulateMedia({ colorScheme: "dark" });
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
});
