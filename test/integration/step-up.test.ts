import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { account, mailOutbox, securityEvent, session, user as userTable } from "@/lib/db/schema";
import { type ApiResponse, signUp, TestBrowser, uniqueEmail } from "../helpers/browser";
import type { GuardedCase } from "../helpers/guarded-endpoints";
import {
  type ApiError,
  passkeysOf,
  registerPasskey,
  registrationOptions,
  sessionCount,
} from "../helpers/passkey-ceremonies";
import { eventsOf, verifiedMinutesAgo } from "../helpers/rows";
import { type AssertionOverrides, SoftwareAuthenticator } from "../helpers/software-authenticator";

const PASSWORD = "correct horse battery staple";

async function accountWithPasskeys(count = 1) {
  const { browser, user } = await signUp();
  const authenticators = Array.from({ length: count }, () => new SoftwareAuthenticator());
  for (const [index, authenticator] of authenticators.entries()) {
    await registerPasskey(browser, authenticator, { name: `Passkey ${index + 1}` });
  }
  return { browser, user, authenticators };
}

async function secondSession(email: string) {
  const other = new TestBrowser();
  const signedIn = await other.post("/sign-in/email", { email, password: PASSWORD });
  expect(signedIn.status).toBe(200);
  // The cookie holds `token.signature`; no answer carries the token itself.
  return { other, token: other.cookieValue("session_token")?.split(".")[0] ?? "" };
}

async function stepUpWithPasskey(
  browser: TestBrowser,
  authenticator: SoftwareAuthenticator,
  overrides?: AssertionOverrides,
) {
  const options = await browser.post<PublicKeyCredentialRequestOptionsJSON>("/step-up/passkey/options");
  const response = authenticator.getAssertion(options.body, overrides);
  return {
    options,
    response,
    result: await browser.post<ApiError & { stepUpAt?: string }>("/step-up/passkey/verify", { response }),
  };
}

/** Every sensitive endpoint of the core, each on an account of its own. */
const coreGuardedEndpoints: GuardedCase[] = [
  {
    name: "adding a passkey (registration options)",
    setup: () => accountWithPasskeys(),
    act: async ({ browser }) => {
      const response = (await registrationOptions(browser)) as unknown as ApiResponse<ApiError>;
      return { response, changed: async () => response.status === 200 };
    },
  },
  {
    name: "removing a passkey",
    setup: () => accountWithPasskeys(2),
    act: async ({ browser, user }) => {
      const [passkey] = await passkeysOf(user.id);
      const response = await browser.post<ApiError>("/passkey/delete-passkey", { id: passkey?.id });
      return { response, changed: async () => (await passkeysOf(user.id)).length === 1 };
    },
  },
  {
    name: "changing the email",
    setup: () => signUp(),
    act: async ({ browser }) => {
      const newEmail = uniqueEmail("moved");
      const response = await browser.post<ApiError>("/email-change/request", { newEmail });
      return { response, changed: async () => (await mailTo(newEmail)).length === 1 };
    },
  },
  {
    name: "deleting the account",
    setup: () => signUp(),
    act: async ({ browser, user }) => {
      const response = await browser.post<ApiError>("/delete-user", {});
      return {
        response,
        changed: async () =>
          (await db().select().from(userTable).where(eq(userTable.id, user.id))).length === 0,
      };
    },
  },
  {
    name: "signing out another session by its ID",
    setup: () => signUp(),
    act: async ({ browser, user }) => {
      const { token } = await secondSession(user.email);
      const [other] = await db().select({ id: session.id }).from(session).where(eq(session.token, token));
      const response = await browser.post<ApiError>("/sessions/revoke", { id: other?.id });
      return { response, changed: async () => (await sessionCount(user.id)) === 1 };
    },
  },
  {
    name: "signing out all other sessions",
    setup: () => signUp(),
    act: async ({ browser, user }) => {
      await secondSession(user.email);
      const response = await browser.post<ApiError>("/revoke-other-sessions");
      return { response, changed: async () => (await sessionCount(user.id)) === 1 };
    },
  },
];

describe("signing out another session by its ID", () => {
  it("ends only the caller's own other sessions, never hands out tokens, and logs it once", async () => {
    const { browser, user } = await signUp();
    const { other, token } = await secondSession(user.email);
    const { user: stranger } = await signUp();
    await secondSession(stranger.email);
    const ids = async (userId: string) =>
      await db()
        .select({ id: session.id, token: session.token })
        .from(session)
        .where(eq(session.userId, userId));
    const current = (await browser.get<{ session: { id: string } }>("/get-session")).body.session.id;
    const theirs = (await ids(stranger.id)).map((row) => row.id);
    const mine = (await ids(user.id)).find((row) => row.token === token)?.id;

    const someoneElses = await browser.post<ApiError>("/sessions/revoke", { id: theirs[0] });
    const ownCurrent = await browser.post<ApiError>("/sessions/revoke", { id: current });
    const malformed = await browser.post<ApiError>("/sessions/revoke", { id: { $ne: null } });
    const revoked = await browser.post("/sessions/revoke", { id: mine });

    expect([someoneElses.status, ownCurrent.status, malformed.status, revoked.status]).toEqual([
      404, 400, 400, 200,
    ]);
    expect(someoneElses.body.code).toBe("SESSION_NOT_FOUND");
    expect((await ids(stranger.id)).map((row) => row.id)).toEqual(theirs);
    expect((await other.get("/get-session")).body).toBeNull();
    expect((await browser.get("/get-session")).body).not.toBeNull();
    const events = await db()
      .select()
      .from(securityEvent)
      .where(and(eq(securityEvent.userId, user.id), eq(securityEvent.type, "session_revoked")));
    expect(events).toHaveLength(1);
  });
});

/** With the features' own, each beside its feature's tests (test/integration/<feature>/guarded-endpoints.ts). */
const guardedEndpoints: GuardedCase[] = [
  ...coreGuardedEndpoints,
  ...Object.values(
    import.meta.glob<GuardedCase[]>("./*/guarded-endpoints.ts", { eager: true, import: "guardedEndpoints" }),
  ).flat(),
];

describe("every sensitive endpoint", () => {
  for (const guarded of guardedEndpoints) {
    it.each([
      ["never stepped up", null, 403],
      ["stepped up 1 minute ago", 1, 200],
      ["stepped up 6 minutes ago", 6, 403],
    ] as const)(`${guarded.name}, %s`, async (_label, minutesAgo, status) => {
      const account = await guarded.setup();
      await verifiedMinutesAgo(account.user.id, minutesAgo);
      const { response, changed } = await guarded.act(account);
      expect(response.status).toBe(status);
      if (status === 403) expect(response.body.code).toBe("STEP_UP_REQUIRED");
      expect(await changed()).toBe(status === 200);
    });
  }

  it("lets a session that signed in within the window act without a step-up", async () => {
    const { browser, user } = await accountWithPasskeys(2);
    const [passkey] = await passkeysOf(user.id);

    const removed = await browser.post("/passkey/delete-passkey", { id: passkey?.id });

    expect(removed.status).toBe(200);
  });

  it("lets any session sign itself out without a step-up", async () => {
    const { browser, user } = await signUp();
    await verifiedMinutesAgo(user.id, null);

    const revoked = await browser.post("/sign-out");

    expect(revoked.status).toBe(200);
    expect(await sessionCount(user.id)).toBe(0);
  });
});

describe("stepping up with a passkey", () => {
  it("stamps the current session, creates no session and sets no session cookie", async () => {
    const { browser, user, authenticators } = await accountWithPasskeys(2);
    await verifiedMinutesAgo(user.id, null);
    const before = await sessionCount(user.id);

    const { options, result } = await stepUpWithPasskey(browser, authenticators[1] as SoftwareAuthenticator);

    expect(options.body.userVerification).toBe("required");
    expect(options.body.allowCredentials?.map((credential) => credential.id).sort()).toEqual(
      authenticators.map((authenticator) => authenticator.credentialId).sort(),
    );
    expect(result.status).toBe(200);
    expect(result.headers.getSetCookie().some((cookie) => cookie.includes("session_token"))).toBe(false);
    expect(await sessionCount(user.id)).toBe(before);
    const [row] = await db().select().from(session).where(eq(session.userId, user.id));
    expect(row?.stepUpAt?.getTime()).toBe(new Date(result.body.stepUpAt as string).getTime());
    const [event] = await eventsOf(user.id, "step_up");
    expect(event?.details).toMatchObject({ method: "passkey" });
    const [passkey] = await passkeysOf(user.id);
    expect((await browser.post("/passkey/delete-passkey", { id: passkey?.id })).status).toBe(200);
  });

  it("refuses another account's passkey, even with a valid signature", async () => {
    const { browser, user } = await accountWithPasskeys();
    const stranger = await accountWithPasskeys();
    await verifiedMinutesAgo(user.id, null);

    const { result } = await stepUpWithPasskey(browser, stranger.authenticators[0] as SoftwareAuthenticator);

    expect(result.status).toBe(400);
    expect(result.body.code).toBe("STEP_UP_PASSKEY_NOT_VERIFIED");
    expect(await eventsOf(user.id, "step_up")).toHaveLength(0);
  });

  it("refuses a replayed assertion: the challenge works once", async () => {
    const { browser, user, authenticators } = await accountWithPasskeys();
    await verifiedMinutesAgo(user.id, null);
    const { response, result } = await stepUpWithPasskey(browser, authenticators[0] as SoftwareAuthenticator);
    await verifiedMinutesAgo(user.id, null);

    const replayed = await browser.post<ApiError>("/step-up/passkey/verify", { response });

    expect(result.status).toBe(200);
    expect(replayed.status).toBe(400);
    expect(replayed.body.code).toBe("STEP_UP_CHALLENGE_NOT_FOUND");
    const [row] = await db().select().from(session).where(eq(session.userId, user.id));
    expect(row?.stepUpAt).toBeNull();
  });

  it("refuses a challenge issued to another session of the same account", async () => {
    const { browser, user, authenticators } = await accountWithPasskeys();
    const { other } = await secondSession(user.email);
    const options = await browser.post<PublicKeyCredentialRequestOptionsJSON>("/step-up/passkey/options");
    const response = (authenticators[0] as SoftwareAuthenticator).getAssertion(options.body);

    const elsewhere = await other.post<ApiError>("/step-up/passkey/verify", { response });

    expect(elsewhere.status).toBe(400);
  });

  it.each([
    ["without user verification", { flags: { userVerified: false } }],
    ["with a signature counter that went backwards", { signCount: 0 }],
    ["signed for another origin", { origin: "https://keyhold.example.evil" }],
    ["with a bad signature", { corruptSignature: true }],
  ] as const)("refuses an assertion %s", async (_label, overrides) => {
    const { browser, user, authenticators } = await accountWithPasskeys();
    const authenticator = authenticators[0] as SoftwareAuthenticator;
    // One good use first, so the stored counter is above 0.
    await stepUpWithPasskey(browser, authenticator);
    await verifiedMinutesAgo(user.id, null);

    const { result } = await stepUpWithPasskey(browser, authenticator, overrides as AssertionOverrides);

    expect(result.status).toBe(400);
    expect(result.body.code).toBe("STEP_UP_PASSKEY_NOT_VERIFIED");
    const [row] = await db().select().from(session).where(eq(session.userId, user.id));
    expect(row?.stepUpAt).toBeNull();
  });

  it("answers a malformed body with 400", async () => {
    const { browser } = await accountWithPasskeys();
    await browser.post("/step-up/passkey/options");

    const malformed = await browser.post<ApiError>("/step-up/passkey/verify", { response: { id: 42 } });

    expect(malformed.status).toBe(400);
  });

  it("has no options for an account without passkeys, and needs a session", async () => {
    const { browser } = await signUp();

    const options = await browser.post<ApiError>("/step-up/passkey/options");
    const anonymous = await new TestBrowser().post("/step-up/passkey/options");

    expect(options.status).toBe(400);
    expect(options.body.code).toBe("STEP_UP_NO_PASSKEY");
    expect(anonymous.status).toBe(401);
  });
});

describe("stepping up with the password", () => {
  it("is refused for an account without a password", async () => {
    const { browser, user } = await accountWithPasskeys();
    await db()
      .delete(account)
      .where(and(eq(account.userId, user.id), eq(account.providerId, "credential")));

    const attempt = await browser.post<ApiError>("/step-up/password", { password: PASSWORD });

    expect(attempt.status).toBe(400);
    expect(attempt.body.code).toBe("STEP_UP_NO_PASSWORD");
  });

  it("limits attempts per account: the 11th in 15 minutes is refused, even with the right password", async () => {
    const { browser } = await signUp();
    const statuses = [];
    for (let attempt = 0; attempt < 10; attempt++) {
      statuses.push((await browser.post("/step-up/password", { password: "guess" })).status);
    }

    const eleventh = await browser.post("/step-up/password", { password: PASSWORD });

    expect(statuses.every((status) => status === 401)).toBe(true);
    expect(eleventh.status).toBe(429);
    expect(eleventh.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});

describe("what the guarded actions record", () => {
  it("records how many sessions were signed out", async () => {
    const { browser, user } = await signUp();
    await secondSession(user.email);
    await secondSession(user.email);

    await browser.post("/revoke-other-sessions");

    const [event] = await eventsOf(user.id, "session_revoked");
    expect(event?.details).toEqual({ count: 2 });
  });
});

function mailTo(address: string) {
  return db().select().from(mailOutbox).where(eq(mailOutbox.to, address)).orderBy(desc(mailOutbox.createdAt));
}
