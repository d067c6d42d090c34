import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { signUp, uniqueEmail } from "../../helpers/browser";
import { registerPasskey } from "../../helpers/passkey-ceremonies";
import { SoftwareAuthenticator } from "../../helpers/software-authenticator";

/**
 * What a copy of the database gives a thief: every table is read whole, as a dump would, and
 * searched for anything that signs in. It holds public keys, keyed hashes of recovery codes, an
 * scrypt hash of each password, and session tokens that are useless without the cookie signature,
 * which needs BETTER_AUTH_SECRET (kept out of the database).
 */
async function dumpEverything(): Promise<string> {
  const result = await db().execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const tables = (result as { rows: { table_name: string }[] }).rows;
  let dump = "";
  for (const { table_name } of tables) {
    const rows = await db().execute(sql`select * from ${sql.identifier(table_name)}`);
    dump += JSON.stringify((rows as { rows: unknown[] }).rows);
  }
  return dump;
}

describe("a stolen copy of the database", () => {
  it("holds no password, recovery code or usable session cookie", async () => {
    const { browser } = await signUp(undefined, uniqueEmail("stolen"));
    await registerPasskey(browser, new SoftwareAuthenticator());
    const { codes } = (await browser.post<{ codes: string[] }>("/recovery-codes/generate")).body;

    const dump = await dumpEverything();

    expect(dump).not.toContain("correct horse battery staple");
    for (const code of codes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replaceAll("-", ""));
    }
    // The session cookie is the token and its HMAC; the database has the token only.
    const sessionCookie = browser.cookieValue("session_token");
    expect(sessionCookie).toMatch(/\./);
    const [token] = decodeURIComponent(sessionCookie ?? "").split(".");
    expect(dump, "the dump is searched for real: it has the token").toContain(token);
    expect(dump).not.toContain(decodeURIComponent(sessionCookie ?? ""));
  });
});
