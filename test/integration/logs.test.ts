import { format } from "node:util";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { passkey } from "@/lib/db/schema";
import { signUp, startSignUp, TEST_PASSWORD, TestBrowser, uniqueEmail } from "../helpers/browser";
import { firstLink, latestMailTo } from "../helpers/mailbox";
import { registerPasskey, signInWithPasskey } from "../helpers/passkey-ceremonies";
import { startPasskeySignUp } from "../helpers/passkey-sign-up";
import { SoftwareAuthenticator } from "../helpers/software-authenticator";

type Line = { level: string; text: string };

const LEVELS = ["debug", "log", "info", "warn", "error"] as const;

/** Everything the server writes to the console while `run` makes its requests. */
async function serverLog(run: () => Promise<void>): Promise<Line[]> {
  const lines: Line[] = [];
  for (const level of LEVELS) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push({ level, text: format(...args) });
    });
  }
  try {
    await run();
  } finally {
    vi.restoreAllMocks();
  }
  return lines;
}

afterEach(() => {
  vi.restoreAllMocks();
});

const STACK_FRAME = /^\s+at /m;

/** The session token inside a browser's signed session cookie. */
function sessionToken(browser: TestBrowser): string {
  const cookie = browser.cookieValue("session_token");
  if (!cookie) throw new Error("no session cookie");
  return decodeURIComponent(cookie).split(".")[0] as string;
}

/** A public key as stored (base64) and as WebAuthn sends it (base64url, unpadded). */
async function publicKeyForms(credentialId: string): Promise<string[]> {
  const [stored] = await db().select().from(passkey).where(eq(passkey.credentialID, credentialId));
  if (!stored) throw new Error("no passkey");
  return [stored.publicKey, Buffer.from(stored.publicKey, "base64").toString("base64url")];
}

function expectNoneOf(lines: Line[], secrets: string[]) {
  const log = lines.map((line) => line.text).join("\n");
  for (const secret of secrets) expect(log).not.toContain(secret);
}

describe("the server log", () => {
  it("holds a refused assertion as one warn line, without a stack trace or the public key", async () => {
    const { browser } = await signUp();
    const authenticator = new SoftwareAuthenticator();
    expect((await registerPasskey(browser, authenticator)).status).toBe(200);
    let status = 0;

    const lines = await serverLog(async () => {
      const phished = await signInWithPasskey(new TestBrowser(), authenticator, {
        origin: "http://evil.localhost:3000",
      });
      status = phished.status;
    });

    expect(status).toBe(400);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe("warn");
    expect(lines[0]?.text).toContain("Failed to verify authentication");
    expect(lines[0]?.text).not.toMatch(STACK_FRAME);
    expect(lines[0]?.text.split("\n")).toHaveLength(1);
    expectNoneOf(lines, [...(await publicKeyForms(authenticator.credentialId)), sessionToken(browser)]);
  });

  it("holds a duplicate credential as one warn line, without a stack trace or the public key", async () => {
    const first = await signUp();
    const second = await signUp();
    const authenticator = new SoftwareAuthenticator();
    expect((await registerPasskey(first.browser, authenticator)).status).toBe(200);
    let status = 0;

    const lines = await serverLog(async () => {
      status = (await registerPasskey(second.browser, authenticator)).status;
    });

    expect(status).toBe(409);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.level).toBe("warn");
    expect(lines[0]?.text).toContain("Failed to verify registration");
    expect(lines[0]?.text).not.toMatch(STACK_FRAME);
    expect(lines[0]?.text.split("\n")).toHaveLength(1);
    expectNoneOf(lines, [
      ...(await publicKeyForms(authenticator.credentialId)),
      sessionToken(first.browser),
      sessionToken(second.browser),
    ]);
  });

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
