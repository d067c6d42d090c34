import { signJWT } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { serverConfig } from "@/config/env";
import { db } from "@/lib/db";
import { user as userTable } from "@/lib/db/schema";
import { signUp, uniqueEmail } from "../helpers/browser";
import { firstLink, latestMailTo } from "../helpers/mailbox";
import type { ApiError } from "../helpers/passkey-ceremonies";

type Session = { user: { email: string } } | null;

/** Whether an account has the address. */
async function isTaken(email: string): Promise<boolean> {
  const [row] = await db().select().from(userTable).where(eq(userTable.email, email));
  return row !== undefined;
}

/**
 * Login CSRF: a page on another site sends a signed-in person to a mailed link of the attacker's
 * own account, hoping the link switches the browser to it. No mailed link of the app signs anyone
 * in: the sign-up link refuses a signed-in browser (sign-up.test.ts), and an email change's links
 * open pages whose one action needs the account's own session.
 */
describe("another account's mailed link, opened in a browser signed in to this one (login CSRF)", () => {
  it("to confirm its new address changes nothing, and the browser keeps its account", async () => {
    const { browser, user } = await signUp();
    const { browser: attacker } = await signUp();
    const newEmail = uniqueEmail("other");
    expect((await attacker.post("/email-change/request", { newEmail })).status).toBe(200);
    const token = firstLink(await latestMailTo(newEmail)).searchParams.get("token");

    const response = await browser.post<ApiError>("/email-change/confirm", { token });

    expect(response.status).toBe(403);
    expect(response.body.code).toBe("OTHER_ACCOUNT");
    expect(response.headers.getSetCookie()).toEqual([]);
    expect((await browser.get<Session>("/get-session")).body?.user.email).toBe(user.email);
    expect(await isTaken(newEmail)).toBe(false);
  });

  it("of Better Auth's own email change signs in to nothing: /verify-email is off", async () => {
    const { browser, user } = await signUp();
    const { user: attacker } = await signUp();
    const newEmail = uniqueEmail("other");
    const token = await signJWT(
      { email: attacker.email, updateTo: newEmail, requestType: "change-email-verification" },
      serverConfig().secret,
      3600,
    );

    // What a cross-site page can do: send the browser to the link with a GET.
    const response = await browser.fetch("GET", `/verify-email?token=${token}&callbackURL=/dashboard`);

    expect(response.status).toBe(404);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect((await browser.get<Session>("/get-session")).body?.user.email).toBe(user.email);
    expect(await isTaken(newEmail)).toBe(false);
  });
});
