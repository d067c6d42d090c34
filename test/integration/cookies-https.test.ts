import { describe, expect, it, vi } from "vitest";
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

// Before anything reads the configuration: the app's public origin is https.
vi.hoisted(() => {
  process.env.BETTER_AUTH_URL = "https://keyhold.example";
});

describe("session cookies on an https origin", () => {
  it("carry the __Secure- prefix and are Secure, HttpOnly and SameSite=Lax", async () => {
    const origin = "https://keyhold.example";
    const { user } = await signUp(new TestBrowser(origin));
    const cookies = await signInCookies(new TestBrowser(origin), user.email);

    const session = cookies.get("__Secure-better-auth.session_token");
    expect(session).toBeDefined();
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*SameSite=Lax/i);
    for (const name of cookies.keys()) expect(name).toMatch(/^__Secure-/);
  });
});
