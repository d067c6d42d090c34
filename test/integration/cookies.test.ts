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
