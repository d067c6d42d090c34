import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { passkey } from "@/lib/db/schema";
import { signUp, TestBrowser } from "../helpers/browser";
import { registerPasskey, signInWithPasskey } from "../helpers/passkey-ceremonies";
import { expectNoneOf, STACK_FRAME, serverLog, sessionToken } from "../helpers/server-log";
import { SoftwareAuthenticator } from "../helpers/software-authenticator";

afterEach(() => {
  vi.restoreAllMocks();
});

/** A public key as stored (base64) and as WebAuthn sends it (base64url, unpadded). */
async function publicKeyForms(credentialId: string): Promise<string[]> {
  const [stored] = await db().select().from(passkey).where(eq(passkey.credentialID, credentialId));
  if (!stored) throw new Error("no passkey");
  return [stored.publicKey, Buffer.from(stored.publicKey, "base64").toString("base64url")];
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
});
