import { runWithEndpointContext, runWithRequestState } from "@better-auth/core/context";
import type { PublicKeyCredentialCreationOptionsJSON } from "@simplewebauthn/server";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db";
import { passkey, session } from "@/lib/db/schema";
import { REGISTER_OPTIONS_PATH } from "@/lib/passkeys/registration-reads";
import { signUp } from "../helpers/browser";
import { registerPasskey } from "../helpers/passkey-ceremonies";
import { roundTripsOf } from "../helpers/round-trips";
import { SoftwareAuthenticator } from "../helpers/software-authenticator";

async function accountWithPasskeys(count: number) {
  const { browser, user } = await signUp();
  for (let index = 0; index < count; index++) {
    const added = await registerPasskey(browser, new SoftwareAuthenticator(), { name: `Key ${index}` });
    if (added.status !== 200) throw new Error(`registration failed: ${added.status}`);
  }
  const credentials = await db()
    .select({ id: passkey.credentialID })
    .from(passkey)
    .where(eq(passkey.userId, user.id));
  return { browser, user, credentials: credentials.map((row) => row.id).sort() };
}

// lib/passkeys/registration-reads.ts: the registration options' session read brings the account's
// passkeys, and the plugin's own read of them is answered from it.
describe("the registration options' reads", () => {
  it("tell the authenticator every passkey of the account, and no one else's", async () => {
    const { browser, credentials } = await accountWithPasskeys(2);
    await accountWithPasskeys(1);

    const options = await browser.get<PublicKeyCredentialCreationOptionsJSON>(REGISTER_OPTIONS_PATH);

    expect(options.status).toBe(200);
    expect(credentials).toHaveLength(2);
    expect(options.body.excludeCredentials?.map((credential) => credential.id).sort()).toEqual(credentials);
  });

  it("answer as Better Auth's adapter does elsewhere, the session, its user and the passkeys", async () => {
    const { user } = await accountWithPasskeys(2);
    const [row] = await db()
      .select({ token: session.token })
      .from(session)
      .where(eq(session.userId, user.id));
    const context = await auth().$context;
    const { adapter } = context;
    const reads = async () => ({
      found: await adapter.findOne({
        model: "session",
        where: [{ field: "token", value: row?.token ?? "" }],
        join: { user: true },
      }),
      passkeys: await adapter.findMany({ model: "passkey", where: [{ field: "userId", value: user.id }] }),
    });

    let elsewhere: unknown;
    let onTheEndpoint: unknown;
    const statementsElsewhere = await roundTripsOf(async () => {
      elsewhere = await reads();
    });
    const statementsOnTheEndpoint = await roundTripsOf(async () => {
      onTheEndpoint = await runWithRequestState(new WeakMap(), () =>
        runWithEndpointContext({ path: REGISTER_OPTIONS_PATH, context } as never, reads),
      );
    });

    expect([statementsElsewhere, statementsOnTheEndpoint]).toEqual([2, 1]);
    expect((elsewhere as { passkeys: unknown[] }).passkeys).toHaveLength(2);
    expect(onTheEndpoint).toEqual(elsewhere);
  });
});
