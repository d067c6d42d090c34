import { Client } from "pg";
import { site } from "@/config/site";
import { PENDING_SIGN_UP_PREFIX, pendingSignUpKey } from "@/lib/sign-up/pending";
import { expectSignUpLinkRefused, signUpWithPassword, submitSignUp, uniqueEmail } from "./fixtures/account";
import { firstLink, mailTo, waitForMail } from "./fixtures/mailbox";
import { expect, test } from "./fixtures/virtual-authenticator";
import { disableAutofill } from "./fixtures/webauthn-calls";

test("a taken email gets the same answer on the page; the owner is told by mail to sign in instead", async ({
  page,
}) => {
  await disableAutofill(page);
  const email = await signUpWithPassword(page);
  await page.context().clearCookies();

  const before = (await mailTo(email)).length;
  await submitSignUp(page, email);
  await expect.poll(async () => (await mailTo(email)).length).toBe(before + 1);
  const notice = (await mailTo(email)).at(-1);
  expect(notice?.subject).toBe(`You already have a ${site.name} account`);
  await page.goto(firstLink(notice as NonNullable<typeof notice>));
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("a name with nothing visible in it is refused by the form, with the server's sentence, before anything is sent", async ({
  page,
}) => {
  const sent: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/api/auth/sign-up/")) sent.push(request.url());
  });
  await page.goto("/sign-up");
  // A Hangul filler: a letter to the browser's `required`, blank on screen.
  await page.getByLabel("Name").fill("\u3164");
  await page.getByLabel("Email").fill(uniqueEmail());

  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByText("Use only visible characters in your name.")).toBeVisible();
  expect(sent).toEqual([]);
});

test("an expired link says so as it opens, with a way forward, and offers no ceremony", async ({ page }) => {
  const databaseUrl = process.env.DATABASE_URL;
  test.skip(
    !databaseUrl,
    "Ages the link in the database, which with PGlite only the server's process can open: set DATABASE_URL (the CI's second pass does).",
  );
  const email = uniqueEmail();
  await submitSignUp(page, email);
  const link = firstLink(await waitForMail(email, /Finish creating/));

  // The link's hour passes: only this sign-up's row, found as the server finds it, by the token's hash.
  const token = new URLSearchParams(new URL(link).hash.slice(1)).get("token") ?? "";
  const database = new Client({ connectionString: databaseUrl });
  await database.connect();
  try {
    const aged = await database.query(
      "update verifications set expires_at = now() - interval '1 second' where identifier = $1",
      [PENDING_SIGN_UP_PREFIX + pendingSignUpKey(token)],
    );
    expect(aged.rowCount).toBe(1);
  } finally {
    await database.end();
  }
  await page.goto(link);

  await expectSignUpLinkRefused(page);
});
