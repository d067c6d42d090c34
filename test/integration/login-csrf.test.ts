import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { user as userTable } from "@/lib/db/schema";
import { signUp, uniqueEmail } from "../helpers/browser";
import { firstLink, latestMailTo } from "../helpers/mailbox";

type Session = { user: { email: string } } | null;

/** The path and query of a mailed link, as the auth API's router sees them. */
function apiPath(link: URL): string {
  return `${link.pathname.replace(/^\/api\/auth/, "")}${link.search}`;
}

const CALLBACK = "/settings/account";

/**
 * Another account's change of address that nobody has confirmed yet, and the link mailed to the
 * new address, which would confirm it (and sign in to that account).
 */
async function otherAccountsLink() {
  const { browser: other } = await signUp();
  const email = uniqueEmail("other");
  const answer = await other.post("/change-email", { newEmail: email, callbackURL: CALLBACK });
  expect(answer.status).toBe(200);
  return { email, link: firstLink(await latestMailTo(email)) };
}

/** Whether the change was made: an account has the new address. */
async function isConfirmed(email: string): Promise<boolean> {
  const [row] = await db().select().from(userTable).where(eq(userTable.email, email));
  return row !== undefined;
}

describe("a mailed link opened in a browser signed in to another account (login CSRF)", () => {
  it("asks first: nothing happens, and the browser keeps its account", async () => {
    const { browser, user } = await signUp();
    const other = await otherAccountsLink();

    // What a cross-site page can do: send the browser to the link with a GET.
    const response = await browser.fetch("GET", apiPath(other.link));

    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "", other.link);
    expect(location.pathname).toBe("/confirm-email");
    expect(location.searchParams.get("token")).toBe(other.link.searchParams.get("token"));
    expect(location.searchParams.get("callbackURL")).toBe(CALLBACK);
    expect(response.headers.getSetCookie()).toEqual([]);
    expect((await browser.get<Session>("/get-session")).body?.user.email).toBe(user.email);
    expect(await isConfirmed(other.email)).toBe(false);
  });

  it("switches only after the person signs out, which a cross-site page cannot do for them", async () => {
    const { browser } = await signUp();
    const other = await otherAccountsLink();

    const forged = await browser.clone("https://evil.example").post("/sign-out");
    expect(forged.status).toBe(403);
    expect((await browser.fetch("GET", apiPath(other.link))).status).toBe(302);
    expect(await isConfirmed(other.email)).toBe(false);

    expect((await browser.post("/sign-out")).status).toBe(200);
    const response = await browser.fetch("GET", apiPath(other.link));

    expect(response.headers.get("location")).toBe(CALLBACK);
    expect((await browser.get<Session>("/get-session")).body?.user.email).toBe(other.email);
    expect(await isConfirmed(other.email)).toBe(true);
  });

  it("does not ask when the link is the signed-in account's own", async () => {
    const { browser } = await signUp();
    const newEmail = uniqueEmail("own");
    await browser.post("/change-email", { newEmail, callbackURL: CALLBACK });
    const ownLink = firstLink(await latestMailTo(newEmail));

    const response = await browser.fetch("GET", apiPath(ownLink));

    expect(response.headers.get("location")).toBe(CALLBACK);
    expect((await browser.get<Session>("/get-session")).body?.user.email).toBe(newEmail);
  });

  it("does not ask about a link that is not the app's, which switches nothing", async () => {
    const { browser, user } = await signUp();

    const response = await browser.fetch("GET", "/verify-email?token=not-a-token&callbackURL=/dashboard");

    expect(response.headers.get("location")).toBe("/dashboard?error=INVALID_TOKEN");
    expect((await browser.get<Session>("/get-session")).body?.user.email).toBe(user.email);
  });
});
