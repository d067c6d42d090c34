import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { account, passkey, session, user } from "@/lib/db/schema";
import { signUp, startSignUp, TestBrowser, uniqueEmail } from "../helpers/browser";
import { withFailingInsert } from "../helpers/failing-insert";
import { registerPasskey } from "../helpers/passkey-ceremonies";
import { SoftwareAuthenticator } from "../helpers/software-authenticator";

const password = "correct horse battery staple";

describe("atomic writes under a fault between them", () => {
  it("sign-up: a failure writing the password account leaves no user behind", async () => {
    const email = uniqueEmail("atomic-signup");
    const token = await startSignUp(email);
    const failed = await withFailingInsert(
      "accounts",
      `NEW.account_id in (select id from users where email = '${email}')`,
      () => new TestBrowser().post("/sign-up/password", { token, password }),
    );

    expect(failed.status).not.toBe(200);
    expect(await db().select().from(user).where(eq(user.email, email))).toEqual([]);
    // The same link succeeds once the fault is gone: nothing half-written is in its way.
    expect((await new TestBrowser().post("/sign-up/password", { token, password })).status).toBe(200);
    const [created] = await db().select().from(user).where(eq(user.email, email));
    expect(
      await db()
        .select()
        .from(account)
        .where(eq(account.userId, created?.id ?? "")),
    ).toHaveLength(1);
  });

  it("passkey registration: a failure storing the passkey leaves no passkey and the session as it was", async () => {
    const { browser, user: member } = await signUp();
    const sessionsBefore = await db().select().from(session).where(eq(session.userId, member.id));

    const failed = await withFailingInsert("passkeys", `NEW.user_id = '${member.id}'`, () =>
      registerPasskey(browser, new SoftwareAuthenticator()),
    );

    expect(failed.status).not.toBe(200);
    expect(await db().select().from(passkey).where(eq(passkey.userId, member.id))).toEqual([]);
    expect(await db().select().from(session).where(eq(session.userId, member.id))).toEqual(sessionsBefore);
    expect((await registerPasskey(browser, new SoftwareAuthenticator())).status).toBe(200);
  });
});
