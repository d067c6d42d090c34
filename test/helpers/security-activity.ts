import { eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { mailOutbox, session } from "@/lib/db/schema";
import { signUp, TestBrowser } from "./browser";
import { eventsOf } from "./rows";

export const FIREFOX_ON_WINDOWS =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

/** The account's events after its creation, oldest first (sign-up's own event is tested with sign-up). */
export async function eventsAfterSignUp(userId: string) {
  return (await eventsOf(userId)).filter((event) => event.type !== "account_created");
}

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
