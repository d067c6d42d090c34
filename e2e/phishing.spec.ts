import { addPasskey, signOut, signUpWithPassword } from "./fixtures/account";
import { expect, test } from "./fixtures/virtual-authenticator";
import { disableAutofill, recordWebAuthnCalls, webAuthnCalls } from "./fixtures/webauthn-calls";

test("a look-alike site on another origin cannot use the passkey and gets no session", async ({
  page,
  authenticator,
  baseURL,
}) => {
  const phishingOrigin = (baseURL as string).replace("//localhost", "//evil.localhost");
  await disableAutofill(page);
  await signUpWithPassword(page);
  await addPasskey(page, "Phone");
  await signOut(page);

  // The phishing site serves a perfect copy of the sign-in page, down to the server's own options.
  await recordWebAuthnCalls(page);
  const verifications: number[] = [];
  page.on("response", (response) => {
    if (response.url().includes("/passkey/verify-authentication")) verifications.push(response.status());
  });
  await page.goto(`${phishingOrigin}/sign-in`);
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();

  // The passkey is bound to the RP ID "localhost"; the browser will not use it for a page on another
  // origin, whatever that page asks for. (The server's own origin check, for an assertion forged
  // outside a browser, is covered in test/integration/passkey-sign-in.test.ts.)
  await expect.poll(async () => (await webAuthnCalls(page))[0]?.outcome).toBe("SecurityError");
  const calls = await webAuthnCalls(page);
  expect(calls).toEqual([expect.objectContaining({ kind: "get", rpId: "localhost" })]);
  expect(verifications).toHaveLength(0);
  await expect(page.getByText(/Try another way/)).toBeVisible();
  await expect(page).toHaveURL(`${phishingOrigin}/sign-in`);
  // Asked from inside each origin's page, since only the browser resolves *.localhost.
  expect(
    await page.evaluate(() => fetch("/api/auth/get-session").then((response) => response.json())),
  ).toBeNull();
  await page.goto("/");
  expect(
    await page.evaluate(() => fetch("/api/auth/get-session").then((response) => response.json())),
  ).toBeNull();
  expect(await authenticator.credentials()).toHaveLength(1);
});
