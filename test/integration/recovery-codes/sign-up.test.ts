import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { account } from "@/lib/db/schema";
import { webAuthnUserHandle } from "@/lib/passkeys/user-handle";
import { TestBrowser, uniqueEmail } from "../../helpers/browser";
import { passkeysOf } from "../../helpers/passkey-ceremonies";
import { finishPasskeySignUp, startPasskeySignUp } from "../../helpers/passkey-sign-up";
import { eventsOf, usersWithEmail } from "../../helpers/rows";
import { SoftwareAuthenticator } from "../../helpers/software-authenticator";

/** The recovery codes' part of test/integration/sign-up.test.ts. */

describe("passkey-first sign-up", () => {
  it("creates the account, its passkey and a session in one tap, with no password", async () => {
    const email = uniqueEmail();
    const token = await startPasskeySignUp(email);
    const browser = new TestBrowser();
    const authenticator = new SoftwareAuthenticator();

    const { options, verify } = await finishPasskeySignUp(browser, token, authenticator);

    expect(options.body.user.name).toBe(email);
    expect(verify?.status).toBe(200);
    const [created] = await usersWithEmail(email);
    expect(created).toMatchObject({ name: "Grace Hopper", emailVerified: true });
    const userId = created?.id as string;
    expect(options.body.user.id).toBe(webAuthnUserHandle(userId));
    expect(await passkeysOf(userId)).toMatchObject([{ credentialID: authenticator.credentialId }]);
    expect(await db().select().from(account).where(eq(account.userId, userId))).toEqual([]);
    const session = await browser.get<{ user: { id: string } }>("/get-session");
    expect(session.body.user.id).toBe(userId);
    expect(await eventsOf(userId, "account_created")).toMatchObject([{ details: { method: "passkey" } }]);
    // A new account's session is fresh: it may generate its recovery codes straight away.
    expect((await browser.post("/recovery-codes/generate")).status).toBe(200);
  });
});
