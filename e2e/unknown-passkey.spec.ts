import { site } from "@/config/site";
import { addPasskey, signOut, signUpWithPassword } from "./fixtures/account";
import { recordSignals, signalCalls } from "./fixtures/signals";
import { expect, test } from "./fixtures/virtual-authenticator";
import { disableAutofill } from "./fixtures/webauthn-calls";

test("signing in with a passkey the server no longer knows explains it and tells the browser", async ({
  page,
  authenticator,
  baseURL,
}) => {
  await disableAutofill(page);
  await recordSignals(page);
  await signUpWithPassword(page);
  await addPasskey(page, "Old phone");
  const [credential] = await authenticator.credentials();
  // Removed behind the page's back (another device, an admin), so the browser was never told.
  const list = await page.request.get("/api/auth/passkey/list-user-passkeys");
  const [passkey] = (await list.json()) as { id: string }[];
  const removed = await page.request.post("/api/auth/passkey/delete-passkey", {
    data: { id: passkey?.id },
    headers: { origin: baseURL as string },
  });
  expect(removed.ok()).toBe(true);
  await signOut(page);

  await page.getByRole("button", { name: "Sign in with a passkey" }).click();

  await expect(page.getByText(`This passkey is not registered with ${site.name}`)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
  const unknown = (await signalCalls(page)).filter((call) => call.method === "signalUnknownCredential");
  expect(unknown).toEqual([
    {
      method: "signalUnknownCredential",
      options: {
        rpId: "localhost",
        credentialId: Buffer.from(credential?.credentialId ?? "", "base64").toString("base64url"),
      },
    },
  ]);
});
