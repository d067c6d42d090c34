import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { user as userTable } from "@/lib/db/schema";
import { signUp } from "../helpers/browser";
import { registerPasskey } from "../helpers/passkey-ceremonies";
import { SoftwareAuthenticator } from "../helpers/software-authenticator";

type Offer = { offer: boolean };
type Shown = { recorded: boolean };

describe("offering a passkey after a password sign-in", () => {
  it("asking whether an offer is due spends nothing: only an offer shown does", async () => {
    const { browser } = await signUp();

    const asked = [
      await browser.post<Offer>("/passkey-upgrade/offer"),
      await browser.post<Offer>("/passkey-upgrade/offer"),
    ];
    const shown = await browser.post<Shown>("/passkey-upgrade/offer-shown");
    const afterShown = await browser.post<Offer>("/passkey-upgrade/offer");

    expect(asked.map((answer) => answer.body.offer)).toEqual([true, true]);
    expect(shown.body.recorded).toBe(true);
    expect(afterShown.body.offer).toBe(false);
  });

  it("offers again a week after the offer was shown", async () => {
    const { browser, user } = await signUp();
    await browser.post<Shown>("/passkey-upgrade/offer-shown");
    await db()
      .update(userTable)
      .set({ passkeyNudgedAt: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000) })
      .where(eq(userTable.id, user.id));

    expect((await browser.post<Offer>("/passkey-upgrade/offer")).body.offer).toBe(true);
  });

  it("records one offer when two tabs show it at the same moment", async () => {
    const { browser } = await signUp();

    const answers = await Promise.all([
      browser.post<Shown>("/passkey-upgrade/offer-shown"),
      browser.clone().post<Shown>("/passkey-upgrade/offer-shown"),
    ]);

    expect(answers.map((answer) => answer.body.recorded).sort()).toEqual([false, true]);
  });

  it("never offers to an account that has a passkey", async () => {
    const { browser } = await signUp();
    await registerPasskey(browser, new SoftwareAuthenticator());

    expect((await browser.post<Offer>("/passkey-upgrade/offer")).body.offer).toBe(false);
    expect((await browser.post<Shown>("/passkey-upgrade/offer-shown")).body.recorded).toBe(false);
  });
});
