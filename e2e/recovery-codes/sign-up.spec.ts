import AxeBuilder from "@axe-core/playwright";
import { site } from "@/config/site";
import { expectSignUpLinkRefused, signUpWithPasskey, submitSignUp, uniqueEmail } from "../fixtures/account";
import { firstLink, mailTo, waitForMail } from "../fixtures/mailbox";
import { expect, test, VirtualAuthenticator } from "../fixtures/virtual-authenticator";
import { disableAutofill } from "../fixtures/webauthn-calls";
import { RECOVERY_CODES_STEP, saveRecoveryCodes } from "./contribution";

/** The sign-up journeys that go through the recovery codes step: e2e/sign-up.spec.ts's, with the feature. */

test("passkey-first sign-up: name and email, the mailed link, one tap, the recovery codes, the dashboard", async ({
  page,
  authenticator,
}) => {
  await page.goto("/sign-up");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.emulateMedia({ colorScheme: "light" });

  const email = await signUpWithPasskey(page);

  await expect(page.getByRole("heading", { name: "Your new recovery codes" })).toBeFocused();
  expect(await saveRecoveryCodes(page)).toHaveLength(10);
  await expect(page).toHaveURL(/\/dashboard$/);
  const [passkey] = await authenticator.credentials();
  expect(passkey?.userName).toBe(email);
  await page.goto("/settings/security/passkeys");
  await expect(page.getByRole("list", { name: "Your passkeys" }).getByRole("listitem")).toHaveCount(1);
});

test("a cancelled or failed ceremony creates no account; the link still works afterwards", async ({
  page,
  authenticator,
}) => {
  const email = uniqueEmail();
  await submitSignUp(page, email);
  const link = firstLink(await waitForMail(email, /Finish creating/));
  let failing: VirtualAuthenticator | undefined;

  await test.step("an authenticator that cannot verify the user fails the ceremony", async () => {
    await authenticator.remove();
    failing = await VirtualAuthenticator.attach(page, { userVerification: false });
    await page.goto(link);
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await page.getByRole("button", { name: "Create my passkey" }).click();
    await expect(page.getByText("No passkey was created, and no account.")).toBeVisible();
  });

  await test.step("no account exists: signing up again mails a link to finish, not 'sign in instead'", async () => {
    const before = (await mailTo(email)).length;
    await submitSignUp(page, email);
    await expect.poll(async () => (await mailTo(email)).length).toBe(before + 1);
    expect((await mailTo(email)).at(-1)?.subject).toBe(`Finish creating your ${site.name} account`);
  });

  await test.step("with a working authenticator, the first link finishes the sign-up", async () => {
    await failing?.remove();
    await VirtualAuthenticator.attach(page);
    await page.goto(link);
    await page.getByRole("button", { name: "Create my passkey" }).click();
    await expect(page).toHaveURL(RECOVERY_CODES_STEP);
  });
});

test("a password is chosen only on the page the mailed link opens, and signs in from then on", async ({
  page,
}) => {
  await disableAutofill(page);
  const email = uniqueEmail();
  await page.goto("/sign-up");
  await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);
  await submitSignUp(page, email);

  await page.goto(firstLink(await waitForMail(email, /Finish creating/)));
  await page.getByRole("button", { name: "Use a password instead" }).click();
  await expect(page.getByRole("form", { name: "Choose a password" })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await page.emulateMedia({ colorScheme: "light" });
  await page.getByLabel("Password", { exact: true }).fill("correct horse battery staple");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(RECOVERY_CODES_STEP);
  expect(await saveRecoveryCodes(page)).toHaveLength(10);
  await expect(page).toHaveURL(/\/settings\/security\/passkeys\?welcome=1$/);

  await page.context().clearCookies();
  await page.goto("/sign-in");
  const form = page.getByRole("form", { name: "Sign in with password" });
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Password").fill("correct horse battery staple");
  await form.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
});

test("a used link says so as it opens, with a way forward, and offers no ceremony", async ({ page }) => {
  const email = uniqueEmail();
  await submitSignUp(page, email);
  const used = firstLink(await waitForMail(email, /Finish creating/));
  await page.goto(used);
  await page.getByRole("button", { name: "Create my passkey" }).click();
  await expect(page).toHaveURL(RECOVERY_CODES_STEP);
  await page.context().clearCookies();

  await page.goto(used);

  await expectSignUpLinkRefused(page);
});

test("a link pasted into the tab of another, so that only the fragment differs, finishes its own sign-up", async ({
  page,
  authenticator,
}) => {
  const [first, second] = [uniqueEmail(), uniqueEmail()];
  await submitSignUp(page, first);
  await submitSignUp(page, second);
  await page.goto(firstLink(await waitForMail(first, /Finish creating/)));
  await expect(page.getByRole("button", { name: "Create my passkey" })).toBeEnabled();

  await page.goto(firstLink(await waitForMail(second, /Finish creating/)));
  await page.getByRole("button", { name: "Create my passkey" }).click();

  await expect(page).toHaveURL(RECOVERY_CODES_STEP);
  expect((await authenticator.credentials()).map((passkey) => passkey.userName)).toEqual([second]);
});
