import { describe, expect, it } from "vitest";
import { TestBrowser } from "../helpers/browser";
import { passkeysOf, registerPasskey, signInWithPasskey } from "../helpers/passkey-ceremonies";
import { signUpWithPasskey } from "../helpers/passkey-sign-up";
import { SoftwareAuthenticator } from "../helpers/software-authenticator";

describe("an account with passkeys and no password", () => {
  it("signs in with its passkey, and adds a second one", async () => {
    const { user, authenticator } = await signUpWithPasskey();
    const browser = new TestBrowser();

    expect((await signInWithPasskey(browser, authenticator)).status).toBe(200);
    expect((await registerPasskey(browser, new SoftwareAuthenticator())).status).toBe(200);
    expect(await passkeysOf(user.id)).toHaveLength(2);
  });

  it("keeps one of its last two passkeys when both are removed at the same moment", async () => {
    // Several accounts at once, so that the removals really overlap on a real PostgreSQL.
    const accounts = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const { browser, user } = await signUpWithPasskey();
        await registerPasskey(browser, new SoftwareAuthenticator());
        return { browser, user, passkeys: await passkeysOf(user.id) };
      }),
    );

    const answers = await Promise.all(
      accounts.flatMap(({ browser, passkeys }) =>
        passkeys.map((passkey) => browser.post("/passkey/delete-passkey", { id: passkey.id })),
      ),
    );

    expect(answers.map((answer) => answer.status).sort()).toEqual([
      ...Array(4).fill(200),
      ...Array(4).fill(409),
    ]);
    for (const { user } of accounts) expect(await passkeysOf(user.id)).toHaveLength(1);
  });
});
