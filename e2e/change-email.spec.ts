import AxeBuilder from "@axe-core/playwright";
import type { BrowserContext } from "@playwright/test";
import { signUpWithPassword, uniqueEmail } from "./fixtures/account";
import { firstLink, waitForMail } from "./fixtures/mailbox";
import { expect, test } from "./fixtures/virtual-authenticator";
import { disableAutofill } from "./fixtures/webauthn-calls";

const PASSWORD = "correct horse battery staple";

async function sessionCookies(context: BrowserContext) {
  return (await context.cookies()).filter((cookie) => cookie.name.endsWith("session_token"));
}

test("a new email takes effect when its owner, signed in, confirms the mailed link; the old address can undo it", async ({
  page,
  browser,
  baseURL,
}) => {
  await disableAutofill(page);
  const email = await signUpWithPassword(page);
  const newEmail = uniqueEmail();

  await test.step("asking mails the new address and changes nothing yet", async () => {
    await page.goto("/settings/account");
    const form = page.getByRole("form", { name: "Change your email" });
    await form.getByLabel("New email").fill(newEmail);
    await form.getByRole("button", { name: "Change email" }).click();
    await expect(form.getByText(`We sent a mail to ${newEmail}`)).toBeVisible();
    await page.reload();
    await expect(page.getByText(`You sign in as ${email}`)).toBeVisible();
  });

  await test.step("opened in a browser without a session, the link signs nobody in: the owner signs in, then confirms", async () => {
    const link = firstLink(await waitForMail(newEmail, /Confirm your new email/));
    const elsewhere = await browser.newContext({ baseURL });
    const there = await elsewhere.newPage();
    await there.goto(link);

    await expect(there).toHaveURL(/\/sign-in\?next=%2Fsettings%2Faccount%2Fnew-email%3Ftoken%3D/);
    expect(await sessionCookies(elsewhere)).toEqual([]);
    await there.getByLabel("Email", { exact: true }).fill(email);
    await there.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await there.getByRole("button", { name: "Sign in", exact: true }).click();

    await expect(there).toHaveURL(/\/settings\/account\/new-email\?token=/);
    await expect(there.getByRole("heading", { name: "Confirm your new email" })).toBeVisible();
    await expect(there.getByText(`Sign in as ${newEmail} from now on, instead of ${email}?`)).toBeVisible();
    expect((await new AxeBuilder({ page: there }).analyze()).violations).toEqual([]);
    await there.getByRole("button", { name: `Use ${newEmail}` }).click();

    await expect(there).toHaveURL(/\/settings\/account\?email=changed$/);
    await expect(there.getByText(`Your email is now ${newEmail}.`)).toBeVisible();
    await elsewhere.close();
  });

  await test.step("the old address is told; its link changes the email back and signs out everywhere", async () => {
    const notice = await waitForMail(email, /email address was changed/);
    expect(notice.text).toContain(newEmail);
    const mailbox = await browser.newContext({ baseURL });
    const undo = await mailbox.newPage();
    await undo.goto(firstLink(notice));

    await expect(undo.getByRole("heading", { name: "Change your email back?" })).toBeVisible();
    expect((await new AxeBuilder({ page: undo }).analyze()).violations).toEqual([]);
    await undo.getByRole("button", { name: "Change it back and sign out everywhere" }).click();

    await expect(
      undo.getByText(`Your email is ${email} again, and every session is signed out.`),
    ).toBeVisible();
    expect((await new AxeBuilder({ page: undo }).analyze()).violations).toEqual([]);
    expect(await sessionCookies(mailbox)).toEqual([]);
    await mailbox.close();
    await page.goto("/settings/account");
    await expect(page).toHaveURL(/\/sign-in\?next=/);
  });
});
