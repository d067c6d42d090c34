import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { site } from "@/config/site";
import { db } from "@/lib/db";
import { TestBrowser } from "../../helpers/browser";
import {
  eventsAfterSignUp,
  FIREFOX_ON_WINDOWS,
  mailTo,
  sessionOf,
  signUpFrom,
} from "../../helpers/security-activity";

/** A recovery-code sign-in as the security activity records it, and the notice it mails. */
describe("security activity", () => {
  it("records a recovery-code sign-in once, as the redemption of that code, and mails the user", async () => {
    const { browser: owner, user } = await signUpFrom(
      new TestBrowser(undefined, undefined, FIREFOX_ON_WINDOWS),
    );
    const generated = await owner.post<{ codes: string[] }>("/recovery-codes/generate");
    const browser = new TestBrowser(undefined, undefined, FIREFOX_ON_WINDOWS);

    const redeemed = await browser.post("/sign-in/recovery-code", {
      email: user.email,
      code: generated.body.codes[0],
    });

    expect(redeemed.status).toBe(200);
    expect((await eventsAfterSignUp(user.id)).map((event) => [event.type, event.details])).toEqual([
      ["recovery_codes_generated", null],
      ["sign_in", { method: "recovery_code", remaining: 9, newDevice: false }],
    ]);
    expect((await sessionOf(browser))?.signInMethod).toBe("recovery_code");
    const [mail, ...others] = await mailTo(user.email);
    expect(others).toEqual([]);
    expect(mail?.subject).toBe(`A recovery code was used to sign in to your ${site.name} account`);
    expect(mail?.text).toContain("9 recovery codes are left.");
    expect(mail?.text).toContain("Firefox on Windows");
    expect(mail?.text).toContain(`IP address ${browser.ipAddress}`);
    expect(mail?.text).toContain("http://localhost:3000/settings/security");
  });

  it("keeps the sign-in and its record when the notice cannot be sent", async () => {
    const { browser: owner, user } = await signUpFrom();
    const generated = await owner.post<{ codes: string[] }>("/recovery-codes/generate");
    // A real failure of the mailer, for this one address only, so other tests on a shared database
    // are untouched: the outbox refuses the insert.
    const trigger = `refuse_mail_${user.id.toLowerCase().replaceAll("-", "_")}`;
    await db().execute(
      sql.raw(`create function ${trigger}() returns trigger language plpgsql as $$
        begin if new.to = '${user.email}' then raise exception 'mail refused'; end if; return new; end $$`),
    );
    await db().execute(
      sql.raw(
        `create trigger ${trigger} before insert on mail_outbox for each row execute function ${trigger}()`,
      ),
    );
    try {
      const redeemed = await new TestBrowser().post("/sign-in/recovery-code", {
        email: user.email,
        code: generated.body.codes[0],
      });

      expect(redeemed.status).toBe(200);
    } finally {
      await db().execute(sql.raw(`drop trigger ${trigger} on mail_outbox`));
      await db().execute(sql.raw(`drop function ${trigger}()`));
    }
    expect((await eventsAfterSignUp(user.id)).map((event) => event.type)).toEqual([
      "recovery_codes_generated",
      "sign_in",
    ]);
    expect(await mailTo(user.email)).toEqual([]);
  });
});
