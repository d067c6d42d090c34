import { afterEach, describe, expect, it, vi } from "vitest";
import { startSignUp, TEST_PASSWORD, TestBrowser, uniqueEmail } from "../../helpers/browser";
import { firstLink, latestMailTo } from "../../helpers/mailbox";
import { startPasskeySignUp } from "../../helpers/passkey-sign-up";
import { expectNoneOf, STACK_FRAME, serverLog, sessionToken } from "../../helpers/server-log";

/** The recovery codes' part of test/integration/logs.test.ts. */

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the server log", () => {
  it("holds no password, code, session token or mail link from sign-ups and sign-ins", async () => {
    const email = uniqueEmail();
    const browser = new TestBrowser();
    const wrongPassword = "a wrong password for the log";
    const secrets: string[] = [TEST_PASSWORD, wrongPassword];

    const lines = await serverLog(async () => {
      const token = await startSignUp(email);
      secrets.push(firstLink(await latestMailTo(email)).href, token);
      await browser.post("/sign-up/password", { token, password: TEST_PASSWORD });
      secrets.push(sessionToken(browser));

      const codes = (await browser.post<{ codes: string[] }>("/recovery-codes/generate")).body.codes;
      secrets.push(...codes, ...codes.map((code) => code.replaceAll("-", "")));

      expect(
        (await new TestBrowser().post("/sign-in/email", { email, password: wrongPassword })).status,
      ).toBe(401);
      const signedIn = new TestBrowser();
      expect((await signedIn.post("/sign-in/email", { email, password: TEST_PASSWORD })).status).toBe(200);
      secrets.push(sessionToken(signedIn));

      const recovered = new TestBrowser();
      const redeemed = await recovered.post("/sign-in/recovery-code", { email, code: codes[0] });
      expect(redeemed.status).toBe(200);
      secrets.push(sessionToken(recovered));

      const passkeyEmail = uniqueEmail();
      secrets.push(await startPasskeySignUp(passkeyEmail), firstLink(await latestMailTo(passkeyEmail)).href);
    });

    expectNoneOf(lines, secrets);
    for (const line of lines) expect(line.text).not.toMatch(STACK_FRAME);
  });
});
