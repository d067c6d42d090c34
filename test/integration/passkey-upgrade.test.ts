import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { user as userTable } from "@/lib/db/schema";
import { signUp } from "../helpers/browser";
import { registerPasskey } from "../helpers/passkey-ceremonies";
import { SoftwareAuthenticator } from "../helpers/software-authenticator";

type Offer = { offer: boolean };

describe("offering a passkey after a password sign-in", () => {
  it("offers once, not again within a week, and again after it", async () => {
    const { browser, user } = await signUp();

    const first = await browser.post<Offer>("/passkey-upgrade/offer");
    const second = await browser.post<Offer>("/passkey-upgrade/offer");
    await db()
      .update(userTable)
      .set({ passkeyNudgedAt: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000) })
      .where(eq(userTable.id, user.id));
    const nextWeek = await browser.post<Offer>("/passkey-upgrade/offer");

    expect([first.body.offer, second.body.offer, nextWeek.body.offer]).toEqual([true, false, true]);
  });

  it("offers once when two tabs ask at the same moment", async () => {
    const { browser } = await signUp();

    const answers = await Promise.all([
      browser.post<Offer>("/passkey-upgrade/offer"),
      browser.clone().post<Offer>("/passkey-upgrade/offer"),
    ]);

    expect(answers.map((answer) => answer.body.offer).sort()).toEqual([false, true]);
  });

  it("never offers to an account that has a passkey", async () => {
    const { browser } = await signUp();
    await registerPasskey(browser, new SoftwareAuthenticator());

    expect((await browser.post<Offer>("/passkey-upgrade/offer")).body.offer).toBe(false);
  });
});
