import { randomUUID } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { account, passkey, recoveryCode, session, user } from "@/lib/db/schema";
import { signUp, startSignUp, TestBrowser, uniqueEmail } from "../helpers/browser";
import { registerPasskey } from "../helpers/passkey-ceremonies";
import { SoftwareAuthenticator } from "../helpers/software-authenticator";

/**
 * Each multi-row write either happens whole or not at all. The fault is a trigger, installed by
 * the test, that makes the database refuse the second write of the request (as a crash or a lost
 * connection at that moment would); the test then looks for what the first write left behind.
 * Triggers fire only for this test's own rows, so files sharing one PostgreSQL are not disturbed.
 */
async function withFailingInsert<T>(
  table: "accounts" | "passkeys" | "sessions",
  condition: string,
  run: () => Promise<T>,
) {
  const name = `fault_${randomUUID().replaceAll("-", "")}`;
  await db().execute(
    sql.raw(`create function ${name}() returns trigger language plpgsql as $$
      begin
        if ${condition} then raise exception 'injected fault: the database failed between two writes'; end if;
        return NEW;
      end $$`),
  );
  await db().execute(
    sql.raw(`create trigger ${name} before insert on ${table} for each row execute function ${name}()`),
  );
  try {
    return await run();
  } finally {
    await db().execute(sql.raw(`drop trigger ${name} on ${table}`));
    await db().execute(sql.raw(`drop function ${name}()`));
  }
}

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
