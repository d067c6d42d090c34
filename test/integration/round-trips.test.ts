import { describe, expect, it } from "vitest";
import { signUp, TestBrowser } from "../helpers/browser";
import { registerPasskey, signInWithPasskey } from "../helpers/passkey-ceremonies";
import { roundTripsOf } from "../helpers/round-trips";
import { SoftwareAuthenticator } from "../helpers/software-authenticator";

// Each figure is what BENCHMARKS.md reports per operation, counted as PostgreSQL counts them; a
// change that adds a round trip to one of these paths has to say why here.
describe("database round trips per operation", () => {
  // Eight: the rate limit on each step, the challenge's insert and its consumption, the passkey
  // with its owner, its counter, the session, and the log entry, which decides "new device" in the
  // same statement (lib/security-activity/devices.ts) instead of reading the earlier devices first.
  it("signs in with a passkey in eight", async () => {
    const { browser } = await signUp();
    const authenticator = new SoftwareAuthenticator();
    await registerPasskey(browser, authenticator);

    expect(await roundTripsOf(() => signInWithPasskey(new TestBrowser(), authenticator))).toBe(8);
  });

  it("lists passkeys in three: the rate limit, the session with its user, the passkeys", async () => {
    const { browser } = await signUp();

    expect(await roundTripsOf(() => browser.get("/passkey/list-user-passkeys"))).toBe(3);
  });

  // Eight, and the new-passkey notice kept in the development outbox (the bench mails it over SMTP):
  // the rate limit on each step, the session on each step (the first with the account's passkeys,
  // for the authenticator's exclude list: lib/passkeys/registration-reads.ts), the challenge's
  // insert and its consumption, the passkey and the log entry.
  it("adds a passkey to a signed-in account in nine", async () => {
    const { browser } = await signUp();

    expect(await roundTripsOf(() => registerPasskey(browser, new SoftwareAuthenticator()))).toBe(9);
  });

  it("reads a session and its user in one statement", async () => {
    const { browser } = await signUp();

    expect(await roundTripsOf(() => browser.get("/get-session"))).toBe(2);
  });
});
