import { and, asc, eq, ne } from "drizzle-orm";
import { db } from "@/lib/db";
import { mailOutbox, securityEvent, session } from "@/lib/db/schema";
import { signUp, TestBrowser } from "./browser";

export const FIREFOX_ON_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

/** The account's events after its creation (sign-up's own event is tested with sign-up). */
export const eventsOf = (userId: string) =>
  db()
    .select()
    .from(securityEvent)
    .where(and(eq(securityEvent.userId, userId), ne(securityEvent.type, "account_created")))
    .orderBy(asc(securityEvent.createdAt));

/**
 * A new account, signed up from `browser` (whose browser and OS it then knows), with the sign-up
 * mail already read, so that a test sees only the mail its own actions send.
 */
export async function signUpFrom(browser = new TestBrowser()) {
  const account = await signUp(browser);
  await db().delete(mailOutbox).where(eq(mailOutbox.to, account.user.email));
  return account;
}

export const mailTo = (address: string) => db().select().from(mailOutbox).where(eq(mailOutbox.to, address));

export async function sessionOf(browser: TestBrowser) {
  const current = await browser.get<{ session: { id: string } }>("/get-session");
  const [row] = await db().select().from(session).where(eq(session.id, current.body.session.id));
  return row;
}
