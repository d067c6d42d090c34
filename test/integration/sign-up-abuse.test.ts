import { createEmailVerificationToken } from "better-auth/api";
import { eq, like } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { serverConfig } from "@/config/env";
import { db } from "@/lib/db";
import { user as userTable, verification } from "@/lib/db/schema";
import { REQUESTED_MAILS_PER_RECIPIENT } from "@/lib/mail/requested";
import { type ApiResponse, startSignUp, TEST_PASSWORD, TestBrowser, uniqueEmail } from "../helpers/browser";
import { firstLink, mailTo } from "../helpers/mailbox";
import { type ApiError, registerPasskey } from "../helpers/passkey-ceremonies";
import { finishPasskeySignUp, signUpWithPasskey } from "../helpers/passkey-sign-up";
import { insertUnconfirmedAccount } from "../helpers/seed-rows";
import { SoftwareAuthenticator } from "../helpers/software-authenticator";

/**
 * What a stranger can try through sign-up, which anyone may call with any address: choose the
 * credential of an account that will be someone else's, fill someone's inbox, or learn from an
 * answer what the deployment's configuration says about an address.
 */

// Read when the auth server is first created, which happens after this line.
const LISTED_ADMINS = [uniqueEmail("listed-admin"), uniqueEmail("listed-admin")] as const;
vi.stubEnv("ADMIN_EMAILS", LISTED_ADMINS.join(","));
afterAll(() => {
  vi.unstubAllEnvs();
});

const ATTACKER_PASSWORD = "the attacker's own password";

function usersWithEmail(email: string) {
  return db().select().from(userTable).where(eq(userTable.email, email));
}

/** Pending sign-ups stored for `email` (they hold it in their JSON value). */
function pendingFor(email: string) {
  return db()
    .select()
    .from(verification)
    .where(like(verification.value, `%${email}%`));
}

function signInWithPassword(email: string, password: string) {
  return new TestBrowser().post<ApiError>("/sign-in/email", { email, password });
}

const HOUR_MS = 60 * 60 * 1000;

describe("pre-registration hijack: only the holder of the mailed link chooses the account's credential", () => {
  /**
   * The owner of the address opens the oldest "Finish creating" mail it got, and ends up with a
   * passkey: on the app's finishing page by creating it there, or, where the link signed them in
   * (Better Auth's own /api/auth links do), by adding it to the session.
   */
  async function ownerFollowsFirstMail(email: string) {
    const owner = new TestBrowser();
    const authenticator = new SoftwareAuthenticator();
    const oldest = (await mailTo(email)).at(-1);
    if (!oldest) throw new Error(`no mail to ${email}`);
    const link = firstLink(oldest);
    if (link.pathname === "/sign-up/passkey") {
      const token = new URLSearchParams(link.hash.slice(1)).get("token") as string;
      const { verify } = await finishPasskeySignUp(owner, token, authenticator);
      expect(verify?.status).toBe(200);
    } else {
      await owner.get(`${link.pathname.replace(/^\/api\/auth/, "")}${link.search}`);
      expect((await registerPasskey(owner, authenticator)).status).toBe(200);
    }
    return owner;
  }

  it("an attacker who signs up the victim's address with their own password never signs in with it, before or after the victim finishes", async () => {
    const victim = uniqueEmail("victim");

    await new TestBrowser().post("/sign-up/email", {
      name: "Mallory",
      email: victim,
      password: ATTACKER_PASSWORD,
    });
    await new TestBrowser().post("/sign-up/passkey", { name: "Mallory", email: victim });
    const before = await signInWithPassword(victim, ATTACKER_PASSWORD);
    const owner = await ownerFollowsFirstMail(victim);
    const after = await signInWithPassword(victim, ATTACKER_PASSWORD);

    expect(before.status).not.toBe(200);
    expect((await owner.get<{ user: { email: string } }>("/get-session")).body.user.email).toBe(victim);
    expect(after.status).toBe(401);
  });

  it("takes no password before the address is proven: Better Auth's /sign-up/email is off", async () => {
    const victim = uniqueEmail("victim");

    const answer = await new TestBrowser().post("/sign-up/email", {
      name: "Mallory",
      email: victim,
      password: ATTACKER_PASSWORD,
    });

    expect(answer.status).toBe(404);
    expect(await usersWithEmail(victim)).toEqual([]);
    expect(await mailTo(victim)).toEqual([]);
  });

  it("lets nobody without the link set the password of a sign-up they started", async () => {
    const victim = uniqueEmail("victim");
    // The attacker can start a sign-up for any address, but the link goes to the address.
    const token = await startSignUp(victim);

    const guessed = await new TestBrowser().post<ApiError>("/sign-up/password", {
      token: "a-guess-at-the-mailed-token",
      password: ATTACKER_PASSWORD,
    });
    const finished = await new TestBrowser().post("/sign-up/password", { token, password: TEST_PASSWORD });

    expect(guessed.status).toBe(400);
    expect(guessed.body.code).toBe("SIGN_UP_LINK_INVALID");
    expect(finished.status).toBe(200);
    expect((await signInWithPassword(victim, TEST_PASSWORD)).status).toBe(200);
    expect((await signInWithPassword(victim, ATTACKER_PASSWORD)).status).toBe(401);
  });

  it("keeps an account nobody confirmed (as earlier versions left them) shut: no sign-in, no mail, and its link confirms nothing", async () => {
    const victim = uniqueEmail("victim");
    await insertUnconfirmedAccount(victim, ATTACKER_PASSWORD);
    const token = await createEmailVerificationToken(serverConfig().secret, victim, undefined, 3600);
    const opener = new TestBrowser();

    const signIn = await signInWithPassword(victim, ATTACKER_PASSWORD);
    const link = await opener.get<ApiError>(`/verify-email?token=${token}&callbackURL=/dashboard`);

    expect(signIn.status).toBe(403);
    expect(signIn.body.code).toBe("EMAIL_NOT_VERIFIED");
    expect(await mailTo(victim)).toEqual([]);
    // Better Auth's /verify-email is off: nothing mails its links any more.
    expect(link.status).toBe(404);
    expect(opener.hasCookie("session_token")).toBe(false);
    expect((await usersWithEmail(victim))[0]?.emailVerified).toBe(false);
    expect((await signInWithPassword(victim, ATTACKER_PASSWORD)).status).toBe(403);
  });

  it("deletes what a sign-up nobody finished left behind, once its link has expired", async () => {
    const stale = uniqueEmail("stale");
    const recent = uniqueEmail("recent");
    const abandoned = uniqueEmail("abandoned");
    await insertUnconfirmedAccount(stale, ATTACKER_PASSWORD, {
      createdAt: new Date(Date.now() - 2 * HOUR_MS),
    });
    await insertUnconfirmedAccount(recent, ATTACKER_PASSWORD, {
      createdAt: new Date(Date.now() - 5 * 60_000),
    });
    const token = await startSignUp(abandoned);
    await db()
      .update(verification)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(like(verification.value, `%${abandoned}%`));

    // Any sign-up sweeps: no scheduler is needed.
    await new TestBrowser().post("/sign-up/passkey", { name: "Ada", email: uniqueEmail() });

    expect(await usersWithEmail(stale)).toEqual([]);
    expect(await usersWithEmail(recent)).toHaveLength(1);
    expect(await pendingFor(abandoned)).toEqual([]);
    const late = await new TestBrowser().post<ApiError>("/sign-up/password", {
      token,
      password: TEST_PASSWORD,
    });
    expect(late.body.code).toBe("SIGN_UP_LINK_INVALID");
  });
});

describe("mail flooding: one cap per recipient for every mail a stranger can ask for", () => {
  const { max } = REQUESTED_MAILS_PER_RECIPIENT;

  it(`sends one address at most ${max} such mails an hour, whichever forms ask, and answers alike over the cap; another address is unaffected`, async () => {
    const target = uniqueEmail("flooded");
    const { browser: attacker } = await signUpWithPasskey();
    const signUpAnswers: ApiResponse[] = [];

    for (let round = 0; round <= max; round++) {
      // Each from an address of its own, as a spread-out attacker would send them.
      await new TestBrowser().post("/sign-up/email", {
        name: "Mallory",
        email: target,
        password: `${ATTACKER_PASSWORD} ${round}`,
      });
      signUpAnswers.push(
        await new TestBrowser().post("/sign-up/passkey", { name: "Mallory", email: target }),
      );
    }
    const changes = [
      await attacker.clone(undefined, "10.250.0.1").post("/email-change/request", { newEmail: target }),
      await attacker.clone(undefined, "10.250.0.2").post("/email-change/request", { newEmail: target }),
    ];
    const other = uniqueEmail("bystander");
    const otherAnswer = await new TestBrowser().post("/sign-up/passkey", { name: "Ada", email: other });

    expect(await mailTo(target)).toHaveLength(max);
    for (const answer of signUpAnswers) {
      expect(answer.status).toBe(otherAnswer.status);
      expect(answer.body).toEqual(otherAnswer.body);
    }
    expect(changes.map((answer) => answer.status)).toEqual([200, 200]);
    expect(await mailTo(other)).toHaveLength(1);
  });
});

describe("admin list leak: no answer to a stranger depends on what the configuration says about an address", () => {
  it.each([
    [
      "/sign-up/email",
      LISTED_ADMINS[0],
      (email: string) => ({ name: "Ada", email, password: TEST_PASSWORD }),
    ],
    ["/sign-up/passkey", LISTED_ADMINS[1], (email: string) => ({ name: "Ada", email })],
  ] as const)(
    "%s answers an address on ADMIN_EMAILS exactly as any other",
    async (path, listedAdmin, body) => {
      const listed = await new TestBrowser().post(path, body(listedAdmin));
      const unlisted = await new TestBrowser().post(path, body(uniqueEmail()));

      expect(listed.status).toBe(unlisted.status);
      expect(listed.body).toEqual(unlisted.body);
      expect(listed.headers.getSetCookie()).toEqual(unlisted.headers.getSetCookie());
      expect(JSON.stringify(listed.body)).not.toContain("admin");
    },
  );
});
