import { describe, expect, it } from "vitest";
import { signedInWith } from "@/components/sessions/signed-in-with";
import { activeSessions } from "@/lib/sessions/active-sessions";
import { signUp, TestBrowser } from "../helpers/browser";
import { registerPasskey, signInWithPasskey } from "../helpers/passkey-ceremonies";
import { SoftwareAuthenticator } from "../helpers/software-authenticator";

async function currentSessionId(browser: TestBrowser): Promise<string> {
  const session = await browser.get<{ session: { id: string } }>("/get-session");
  return session.body.session.id;
}

describe("the sessions page's list", () => {
  it("says how and when each session signed in: with the password, or with which passkey", async () => {
    const { browser, user } = await signUp();
    const authenticator = new SoftwareAuthenticator();
    await registerPasskey(browser, authenticator, { name: "Work laptop" });
    const phone = new TestBrowser();
    await signInWithPasskey(phone, authenticator);

    const sessions = await activeSessions(user.id, await currentSessionId(browser));

    expect(
      sessions.map((session) => ({ isCurrent: session.isCurrent, signedInWith: signedInWith(session) })),
    ).toEqual([
      { isCurrent: true, signedInWith: "your password" },
      { isCurrent: false, signedInWith: 'the passkey "Work laptop"' },
    ]);
    for (const session of sessions) expect(Date.parse(session.signedInAt)).toBeLessThanOrEqual(Date.now());
  });
});
