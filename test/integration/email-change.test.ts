import { signJWT } from "better-auth/crypto";
import { eq, like, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { serverConfig } from "@/config/env";
import { db } from "@/lib/db";
import { user as userTable, verification } from "@/lib/db/schema";
import { type ApiResponse, signUp, TEST_PASSWORD, TestBrowser, uniqueEmail } from "../helpers/browser";
import { snapshotGuardedTables } from "../helpers/database-snapshot";
import { firstLink, latestMailTo, mailTo } from "../helpers/mailbox";
import { type ApiError, sessionCount } from "../helpers/passkey-ceremonies";
import { eventsOf } from "../helpers/rows";
import { median, timed, withAnswerFloor } from "../helpers/timing";

/** What the account page sends, from a session that has just signed in (so it has stepped up). */
function requestChange(browser: TestBrowser, newEmail: string) {
  return browser.post<ApiError & { status?: string }>("/email-change/request", { newEmail });
}

/** The newest mail to `address` whose subject matches; fails the test when there is none. */
async function mailMatching(address: string, subject: RegExp) {
  const mail = (await mailTo(address)).find((candidate) => subject.test(candidate.subject));
  if (!mail) throw new Error(`No mail to ${address} with subject ${subject}`);
  return mail;
}

/** The link of the newest mail to `address` whose subject matches, and its token. */
async function mailedLink(address: string, subject: RegExp) {
  const link = firstLink(await mailMatching(address, subject));
  return { link, token: link.searchParams.get("token") ?? "" };
}

const CONFIRM_MAIL = /Confirm your new email/;
const CHANGED_MAIL = /email address was changed/;

/** A signed-in account that has asked to move to a new address, and the link mailed there. */
async function pendingChange() {
  const account = await signUp();
  const newEmail = uniqueEmail("moved");
  expect((await requestChange(account.browser, newEmail)).status).toBe(200);
  return { ...account, newEmail, ...(await mailedLink(newEmail, CONFIRM_MAIL)) };
}

/** A second browser where the same person signed in with the password. */
async function ownersOtherBrowser(email: string) {
  const other = new TestBrowser();
  expect((await other.post("/sign-in/email", { email, password: TEST_PASSWORD })).status).toBe(200);
  return other;
}

async function storedUser(id: string) {
  const [row] = await db().select().from(userTable).where(eq(userTable.id, id));
  return row;
}

const setsSessionCookie = (response: ApiResponse) =>
  response.headers.getSetCookie().some((line) => /session_token=[^;]/.test(line));

/** Moves every stored link of this kind (by its identifier's prefix) into the past. */
async function expireLinks(prefix: string) {
  await db()
    .update(verification)
    .set({ expiresAt: sql`now() - interval '1 second'` })
    .where(like(verification.identifier, `${prefix}%`));
}

describe("the link mailed to the new address", () => {
  it("opens a page, not the API: the change waits for the account's owner to confirm it, signed in", async () => {
    const { browser, user, link, token } = await pendingChange();

    expect(link.origin).toBe("http://localhost:3000");
    expect(link.pathname).toBe("/settings/account/new-email");
    expect(token).toMatch(/^[\w-]{43}$/);
    expect((await storedUser(user.id))?.email).toBe(user.email);
    // Only a hash of the token is stored.
    const stored = await db()
      .select()
      .from(verification)
      .where(like(verification.identifier, "email-change:%"));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await browser.get<{ user: { email: string } }>("/get-session")).body.user.email).toBe(user.email);
  });

  it("changes nothing and signs nobody in when it is sent without the owner's session", async () => {
    const { user, newEmail, token } = await pendingChange();
    const stranger = await signUp();
    const sessionsBefore = await sessionCount(user.id);
    const before = await snapshotGuardedTables();

    const signedOut = await new TestBrowser().post<ApiError>("/email-change/confirm", { token });
    const asAnotherAccount = await stranger.browser.post<ApiError>("/email-change/confirm", { token });

    expect(signedOut.status).toBe(401);
    expect(asAnotherAccount.status).toBe(403);
    expect(asAnotherAccount.body.code).toBe("OTHER_ACCOUNT");
    for (const answer of [signedOut, asAnotherAccount]) expect(setsSessionCookie(answer)).toBe(false);
    expect(await snapshotGuardedTables()).toBe(before);
    expect(await sessionCount(user.id)).toBe(sessionsBefore);
    expect((await storedUser(user.id))?.email).toBe(user.email);
    expect(await mailTo(newEmail)).toHaveLength(1);
  });

  it("changes the email when the owner confirms it from any of their sessions, and creates none", async () => {
    const { user, newEmail, token } = await pendingChange();
    const other = await ownersOtherBrowser(user.email);
    const sessionsBefore = await sessionCount(user.id);

    const confirmed = await other.post<{ email: string }>("/email-change/confirm", { token });
    const again = await other.post<ApiError>("/email-change/confirm", { token });

    expect(confirmed.status).toBe(200);
    expect(confirmed.body.email).toBe(newEmail);
    expect(setsSessionCookie(confirmed)).toBe(false);
    expect(await sessionCount(user.id)).toBe(sessionsBefore);
    expect(await storedUser(user.id)).toMatchObject({ email: newEmail, emailVerified: true });
    expect((await other.get<{ user: { email: string } }>("/get-session")).body.user.email).toBe(newEmail);
    const [event] = await eventsOf(user.id, "email_changed");
    expect(event?.details).toEqual({ from: user.email, to: newEmail });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe("LINK_EXPIRED");
  });

  it("no longer works after an hour", async () => {
    const { browser, user, token } = await pendingChange();
    await expireLinks("email-change:");

    const late = await browser.post<ApiError>("/email-change/confirm", { token });

    expect(late.status).toBe(400);
    expect(late.body.code).toBe("LINK_EXPIRED");
    expect((await storedUser(user.id))?.email).toBe(user.email);
  });

  it("is refused with EMAIL_TAKEN when the address got an account since it was mailed, and changes nothing", async () => {
    const { browser, user, newEmail, token } = await pendingChange();
    const { user: holder } = await signUp(new TestBrowser(), newEmail);
    const before = await snapshotGuardedTables();

    const confirmed = await browser.post<ApiError>("/email-change/confirm", { token });

    expect(confirmed.status).toBe(409);
    expect(confirmed.body.code).toBe("EMAIL_TAKEN");
    expect(await snapshotGuardedTables()).toBe(before);
    const owners = await db().select().from(userTable).where(eq(userTable.email, newEmail));
    expect(owners.map((owner) => owner.id)).toEqual([holder.id]);
    expect(await eventsOf(user.id, "email_changed")).toEqual([]);
  });
});

describe("Better Auth's own change-email link (/verify-email with a new address in its token)", () => {
  // What POST /change-email used to mail; signed with the app's secret, as Better Auth signs it.
  const betterAuthLink = (email: string, updateTo: string) =>
    signJWT({ email, updateTo, requestType: "change-email-verification" }, serverConfig().secret, 3600);

  it("signs nobody in and changes nothing, whoever opens it", async () => {
    const { browser, user } = await signUp();
    const token = await betterAuthLink(user.email, uniqueEmail("moved"));
    const sessionsBefore = await sessionCount(user.id);

    const signedOut = await new TestBrowser().get(
      `/verify-email?token=${token}&callbackURL=${encodeURIComponent("/settings/account")}`,
    );
    const signedIn = await browser.get(`/verify-email?token=${token}`);

    for (const answer of [signedOut, signedIn]) {
      expect(answer.status).toBe(404);
      expect(setsSessionCookie(answer)).toBe(false);
    }
    expect(await sessionCount(user.id)).toBe(sessionsBefore);
    expect((await storedUser(user.id))?.email).toBe(user.email);
  });
});

describe("the old address", () => {
  async function changedEmail() {
    const change = await pendingChange();
    expect((await change.browser.post("/email-change/confirm", { token: change.token })).status).toBe(200);
    return change;
  }

  it("is told, with a link that changes it back and signs out every session, once", async () => {
    const { browser, user, newEmail } = await changedEmail();
    const other = await ownersOtherBrowser(newEmail);
    const notice = await mailMatching(user.email, CHANGED_MAIL);
    const { link, token } = await mailedLink(user.email, CHANGED_MAIL);

    const undone = await new TestBrowser().post("/email-change/undo", { token });
    const again = await new TestBrowser().post<ApiError>("/email-change/undo", { token });

    expect(notice.text).toContain(newEmail);
    expect(notice.text).toMatch(/within 7 days/);
    expect(link.pathname).toBe("/undo-email-change");
    expect(undone.status).toBe(200);
    expect(setsSessionCookie(undone)).toBe(false);
    expect(await storedUser(user.id)).toMatchObject({ email: user.email, emailVerified: true });
    expect(await sessionCount(user.id)).toBe(0);
    for (const signedOut of [browser, other]) expect((await signedOut.get("/get-session")).body).toBeNull();
    const [event] = await eventsOf(user.id, "email_change_undone");
    expect(event?.details).toEqual({ from: newEmail, to: user.email });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe("LINK_EXPIRED");
  });

  it("cannot change it back after 7 days", async () => {
    const { user, newEmail } = await changedEmail();
    const { token } = await mailedLink(user.email, CHANGED_MAIL);
    await expireLinks("email-change-undo:");

    const late = await new TestBrowser().post<ApiError>("/email-change/undo", { token });

    expect(late.status).toBe(400);
    expect(late.body.code).toBe("LINK_EXPIRED");
    expect((await storedUser(user.id))?.email).toBe(newEmail);
  });
});

describe("a request for an address that has an account", () => {
  it("is answered exactly like one for a free address, and that address's owner gets a note, not a link", async () => {
    const requester = await signUp();
    const { user: holder } = await signUp();
    const freeEmail = uniqueEmail("free");
    const holderMailsBefore = (await mailTo(holder.email)).length;

    const free = await requestChange(requester.browser, freeEmail);
    const taken = await requestChange(requester.browser, holder.email);

    expect([free.status, taken.status]).toEqual([200, 200]);
    expect(taken.body).toEqual(free.body);
    expect(taken.headers.getSetCookie()).toEqual(free.headers.getSetCookie());
    // One mail each way; only what it says differs, and only its recipient reads it.
    expect(await mailTo(freeEmail)).toHaveLength(1);
    expect(await mailTo(holder.email)).toHaveLength(holderMailsBefore + 1);
    const note = await latestMailTo(holder.email);
    expect(note.subject).toMatch(/already has an account/);
    expect(note.text).not.toContain("/settings/account/new-email");
    expect(note.text).not.toContain(requester.user.email);
    expect((await storedUser(holder.id))?.email).toBe(holder.email);
  });

  describe("and its timing", () => {
    withAnswerFloor(600);

    it("takes as long for a taken address as for a free one", async () => {
      // Each requester asks twice, within the per-address limit; their own addresses are the taken ones.
      const requesters = await Promise.all(Array.from({ length: 7 }, () => signUp()));
      const freeTimes: number[] = [];
      const takenTimes: number[] = [];
      for (const [index, { browser }] of requesters.slice(1).entries()) {
        const holder = requesters[index] as (typeof requesters)[number];
        const [free, freeTime] = await timed(() => requestChange(browser, uniqueEmail("free")));
        const [taken, takenTime] = await timed(() => requestChange(browser, holder.user.email));
        expect([free.status, taken.status]).toEqual([200, 200]);
        freeTimes.push(freeTime);
        takenTimes.push(takenTime);
      }

      expect(Math.min(...freeTimes, ...takenTimes)).toBeGreaterThanOrEqual(600);
      const ratio = median(freeTimes) / median(takenTimes);
      expect(ratio).toBeGreaterThan(0.8);
      expect(ratio).toBeLessThan(1.25);
    }, 60_000);
  });
});
