import { describe, expect, it } from "vitest";
import { signUp, TestBrowser } from "../helpers/browser";

const PASSWORD = "correct horse battery staple";

/** The Set-Cookie lines of a password sign-in, by cookie name. */
async function signInCookies(browser: TestBrowser, email: string) {
  const response = await browser.post("/sign-in/email", { email, password: PASSWORD });
  expect(response.status).toBe(200);
  return new Map(
    response.headers.getSetCookie().map((line) => [line.slice(0, line.indexOf("=")), line] as const),
  );
}

describe("session cookies on http (development, tests)", () => {
  it("are HttpOnly and SameSite=Lax, without the Secure prefix a plain-http origin cannot set", async () => {
    const { user } = await signUp();
    const cookies = await signInCookies(new TestBrowser(), user.email);

    const session = cookies.get("better-auth.session_token");
    expect(session).toBeDefined();
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    expect(session).not.toMatch(/;\s*Secure/i);
  });
});

describe("the Origin check (CSRF)", () => {
  it("refuses a state-changing request from another origin with 403, and changes nothing", async () => {
    const { browser } = await signUp();
    const attacker = browser.clone("https://evil.example");

    const forged = await attacker.post<{ code: string }>("/recovery-codes/decline");
    const signOut = await attacker.post<{ code: string }>("/sign-out");

    expect(forged.status).toBe(403);
    expect(forged.body.code).toBe("INVALID_ORIGIN");
    expect(signOut.status).toBe(403);
    const status = await browser.get<{ declinedAt: string | null }>("/recovery-codes/status");
    expect(status.status).toBe(200);
    expect(status.body.declinedAt).toBeNull();
  });
});
