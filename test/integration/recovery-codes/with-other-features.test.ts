import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recoveryCode, session } from "@/lib/db/schema";
import { accountWithPasskeys } from "../../helpers/accounts";
import { signUp, TestBrowser } from "../../helpers/browser";
import { refused } from "../../helpers/database-snapshot";
import { withFailingInsert } from "../../helpers/failing-insert";
import { type ApiError, registerPasskey } from "../../helpers/passkey-ceremonies";
import { isSignedIn, removalEvents, signedInWith } from "../../helpers/signed-in";
import { SoftwareAuthenticator } from "../../helpers/software-authenticator";

/**
 * The recovery codes as the rest of the app counts them: the rules that must not leave an account
 * locked out, the writes that must not spend a code for nothing, the Origin check on their
 * endpoints. With the feature's other tests, so that removing the feature removes these too.
 */

describe("removing a passkey signs out the sessions it signed in", () => {
  it("always, when the remover signed in with a recovery code: the passkey was lost", async () => {
    const { browser, user, authenticators, passkeys } = await accountWithPasskeys(2);
    const { body } = await browser.post<{ codes: string[] }>("/recovery-codes/generate");
    const elsewhere = await signedInWith(authenticators[0] as SoftwareAuthenticator);
    const recovered = new TestBrowser();
    await recovered.post("/sign-in/recovery-code", { email: user.email, code: body.codes[0] });

    const removed = await recovered.post<{ signedOut?: number }>(
      "/passkey/delete-passkey?signOutItsSessions=false",
      { id: passkeys[0]?.id },
    );

    expect(removed.status).toBe(200);
    expect(await isSignedIn(elsewhere)).toBe(false);
    expect(removed.body.signedOut).toBe(1);
    expect(await removalEvents(user.id)).toEqual([
      expect.objectContaining({ type: "passkey_removed" }),
      { type: "session_revoked", details: null },
    ]);
  });
});

describe("going passwordless", () => {
  it("counts only unused recovery codes", async () => {
    const { browser, user } = await signUp();
    expect((await registerPasskey(browser, new SoftwareAuthenticator())).status).toBe(200);
    expect((await browser.post("/recovery-codes/generate")).status).toBe(200);
    await db().execute(sql`update recovery_codes set used_at = now() where user_id = ${user.id}`);

    expect((await browser.post<ApiError>("/password/remove")).body.code).toBe("NO_RECOVERY_PATH");
  });
});

describe("atomic writes under a fault between them", () => {
  it("recovery: a failure creating the session leaves the code unspent, so it still works afterwards", async () => {
    const { browser, user: member } = await signUp();
    const { codes } = (await browser.post<{ codes: string[] }>("/recovery-codes/generate")).body;
    const code = codes[0] as string;
    const unspent = () =>
      db()
        .select()
        .from(recoveryCode)
        .where(and(eq(recoveryCode.userId, member.id), isNull(recoveryCode.usedAt)));
    const sessionsBefore = (await db().select().from(session).where(eq(session.userId, member.id))).length;

    const failed = await withFailingInsert("sessions", `NEW.user_id = '${member.id}'`, () =>
      new TestBrowser().post("/sign-in/recovery-code", { email: member.email, code }),
    );

    expect(failed.status).not.toBe(200);
    expect(await unspent()).toHaveLength(10);
    expect(await db().select().from(session).where(eq(session.userId, member.id))).toHaveLength(
      sessionsBefore,
    );
    const retried = await new TestBrowser().post<{ remaining: number }>("/sign-in/recovery-code", {
      email: member.email,
      code,
    });
    expect(retried.status).toBe(200);
    expect(retried.body.remaining).toBe(9);
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

describe("an email of a few thousand characters", () => {
  // Random, so that PostgreSQL cannot compress it below an index's limit as it would "aaaa…".
  const longEmail = `${randomBytes(3_000).toString("base64url")}@example.test`;

  it.each([["/sign-in/recovery-code", { email: longEmail, code: "ABCDE-FGHIJ-KLMNO" }]])(
    "is refused on %s with 400 INVALID_EMAIL, and changes nothing",
    async (path, body) => {
      const response = await refused(new TestBrowser(), path, body);

      expect(response.status).toBe(400);
      expect(response.body.code).toBe("INVALID_EMAIL");
    },
  );
});
