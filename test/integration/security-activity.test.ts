import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { site } from "@/config/site";
import { db } from "@/lib/db";
import { migrateDatabase } from "@/lib/db/migrate";
import { securityEvent } from "@/lib/db/schema";
import { listSecurityActivity } from "@/lib/security-activity/list";
import { recordSecurityEvent } from "@/lib/security-log/events";
import { TestBrowser, uniqueEmail } from "../helpers/browser";
import { registerPasskey, signInWithPasskey } from "../helpers/passkey-ceremonies";
import {
  eventsAfterSignUp,
  FIREFOX_ON_WINDOWS,
  mailTo,
  sessionOf,
  signUpFrom,
} from "../helpers/security-activity";
import { SoftwareAuthenticator } from "../helpers/software-authenticator";

const PASSWORD = "correct horse battery staple";
const CHROME_ON_MAC =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

async function signInWithPassword(browser: TestBrowser, email: string, password = PASSWORD) {
  return browser.post<{ code?: string }>("/sign-in/email", { email, password });
}

/** An account with a passkey on a synced authenticator, and the browser that set it up. */
async function accountWithPasskey() {
  const { browser, user } = await signUpFrom(new TestBrowser(undefined, undefined, CHROME_ON_MAC));
  const authenticator = new SoftwareAuthenticator({
    flags: { backupEligible: true, backedUp: true },
    counterMode: "always-zero",
  });
  const registration = await registerPasskey(browser, authenticator, { name: "Laptop" });
  if (registration.status !== 200) throw new Error(`registration failed: ${registration.status}`);
  return { browser, user, authenticator, passkeyId: (registration.body as { id: string }).id };
}

describe("security activity", () => {
  it("records a password sign-in once, with its method, address and browser, and marks the session", async () => {
    const { user } = await signUpFrom(new TestBrowser(undefined, undefined, CHROME_ON_MAC));
    const browser = new TestBrowser(undefined, "203.0.113.9", CHROME_ON_MAC);

    expect((await signInWithPassword(browser, user.email)).status).toBe(200);

    expect(await eventsAfterSignUp(user.id)).toEqual([
      expect.objectContaining({
        type: "sign_in",
        ipAddress: "203.0.113.9",
        userAgent: CHROME_ON_MAC,
        details: { method: "password", newDevice: false },
      }),
    ]);
    expect((await sessionOf(browser))?.signInMethod).toBe("password");
  });

  it("records a passkey sign-in once, with the passkey and whether it is synced", async () => {
    const { user, authenticator, passkeyId } = await accountWithPasskey();
    const browser = new TestBrowser(undefined, undefined, CHROME_ON_MAC);

    expect((await signInWithPasskey(browser, authenticator)).status).toBe(200);

    const signIns = (await eventsAfterSignUp(user.id)).filter((event) => event.type === "sign_in");
    expect(signIns).toEqual([
      expect.objectContaining({
        details: {
          method: "passkey",
          passkeyId,
          name: "Laptop",
          deviceType: "multiDevice",
          backedUp: true,
          newDevice: false,
        },
      }),
    ]);
    expect((await sessionOf(browser))?.signInMethod).toBe("passkey");
  });

  it("records a wrong password on an account without changing the answer, and one on no account without a user", async () => {
    const { user } = await signUpFrom();
    const email = uniqueEmail();

    const stranger = new TestBrowser();
    const wrong = await signInWithPassword(new TestBrowser(), user.email, "not the password");
    const unknown = await signInWithPassword(stranger, email);

    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    expect((await eventsAfterSignUp(user.id)).map((event) => [event.type, event.details])).toEqual([
      ["sign_in_failed", { method: "password" }],
    ]);
    const anonymous = await db()
      .select()
      .from(securityEvent)
      .where(eq(securityEvent.ipAddress, stranger.ipAddress));
    expect(anonymous).toEqual([expect.objectContaining({ type: "sign_in_failed", userId: null })]);
  });

  it("records a refused assertion of a known passkey, without changing the answer", async () => {
    const { user, authenticator, passkeyId } = await accountWithPasskey();

    const refused = await signInWithPasskey(new TestBrowser(), authenticator, { corruptSignature: true });

    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe("AUTHENTICATION_FAILED");
    const failures = (await eventsAfterSignUp(user.id)).filter((event) => event.type === "sign_in_failed");
    expect(failures.map((event) => event.details)).toEqual([{ method: "passkey", passkeyId }]);
  });

  it("records a passkey added, renamed and removed, once each, and mails about the new one", async () => {
    const { browser, user, passkeyId } = await accountWithPasskey();
    const second = await registerPasskey(browser, new SoftwareAuthenticator(), { name: "Security key" });
    const secondId = (second.body as { id: string }).id;

    const renamed = await browser.post("/passkey/update-passkey", { id: passkeyId, name: "Work laptop" });
    const removed = await browser.post("/passkey/delete-passkey", { id: secondId });

    expect([renamed.status, removed.status]).toEqual([200, 200]);
    expect((await eventsAfterSignUp(user.id)).map((event) => [event.type, event.details])).toEqual([
      ["passkey_added", { passkeyId, name: "Laptop", deviceType: "multiDevice", backedUp: true }],
      [
        "passkey_added",
        { passkeyId: secondId, name: "Security key", deviceType: "singleDevice", backedUp: false },
      ],
      [
        "passkey_renamed",
        { passkeyId, name: "Work laptop", previousName: "Laptop", deviceType: "multiDevice", backedUp: true },
      ],
      [
        "passkey_removed",
        { passkeyId: secondId, name: "Security key", deviceType: "singleDevice", backedUp: false },
      ],
    ]);
    const subjects = (await mailTo(user.email)).map((mail) => mail.subject);
    expect(subjects).toEqual([
      `A passkey was added to your ${site.name} account`,
      `A passkey was added to your ${site.name} account`,
    ]);
    const [first] = await mailTo(user.email);
    expect(first?.text).toContain('A new passkey, "Laptop" (a synced passkey), was added');
    expect(first?.text).toContain("Chrome on macOS");
  });

  it("does not record a refused rename or removal of someone else's passkey", async () => {
    const { user, passkeyId } = await accountWithPasskey();
    const { browser: intruder, user: other } = await signUpFrom();

    const renamed = await intruder.post("/passkey/update-passkey", { id: passkeyId, name: "Mine" });
    const removed = await intruder.post("/passkey/delete-passkey", { id: passkeyId });

    expect([renamed.status, removed.status]).toEqual([404, 404]);
    const types = (await eventsAfterSignUp(user.id)).map((event) => event.type);
    expect(types).toEqual(["passkey_added"]);
    expect(await eventsAfterSignUp(other.id)).toEqual([]);
  });

  it("mails about a sign-in from a new browser and device, not from the one it signed up on", async () => {
    const mac = new TestBrowser(undefined, undefined, CHROME_ON_MAC);
    const { user } = await signUpFrom(mac.clone());

    await signInWithPassword(mac, user.email);
    await signInWithPassword(new TestBrowser(undefined, undefined, CHROME_ON_MAC), user.email);
    await signInWithPassword(new TestBrowser(undefined, undefined, FIREFOX_ON_WINDOWS), user.email);
    await signInWithPassword(new TestBrowser(undefined, undefined, FIREFOX_ON_WINDOWS), user.email);

    const signIns = (await eventsAfterSignUp(user.id)).map(
      (event) => (event.details as { newDevice: boolean }).newDevice,
    );
    expect(signIns).toEqual([false, false, true, false]);
    const mails = await mailTo(user.email);
    expect(mails.map((mail) => mail.subject)).toEqual([`New sign-in to your ${site.name} account`]);
    expect(mails[0]?.text).toContain("Firefox on Windows");
  });
  // Each log entry names its device as it is written; entries from before that column are named
  // by the migrations (lib/security-activity/devices.ts), and the check treats them alike.
  it("recognises a device from sign-ins logged before the device column", async () => {
    const { user } = await signUpFrom(new TestBrowser(undefined, undefined, CHROME_ON_MAC));
    await signInWithPassword(new TestBrowser(undefined, undefined, CHROME_ON_MAC), user.email);
    expect(
      (await db().select().from(securityEvent).where(eq(securityEvent.userId, user.id))).map(
        (row) => row.device,
      ),
    ).toEqual(["Chrome on macOS", "Chrome on macOS"]);
    await db().update(securityEvent).set({ device: null }).where(eq(securityEvent.userId, user.id));

    await migrateDatabase();
    await signInWithPassword(new TestBrowser(undefined, undefined, CHROME_ON_MAC), user.email);
    await signInWithPassword(new TestBrowser(undefined, undefined, FIREFOX_ON_WINDOWS), user.email);

    const signIns = (await eventsAfterSignUp(user.id)).map(
      (event) => (event.details as { newDevice: boolean }).newDevice,
    );
    expect(signIns).toEqual([false, false, true]);
  });
});

describe("the activity list", () => {
  it("pages through a user's events newest first, each exactly once, and only theirs", async () => {
    const { user } = await signUpFrom();
    const { user: other } = await signUpFrom();
    const request = { ipAddress: "203.0.113.1", userAgent: CHROME_ON_MAC };
    // Written in quick succession, often within one millisecond: no event may be lost or repeated.
    for (let count = 0; count < 7; count++) {
      await recordSecurityEvent({ type: "step_up", userId: user.id, request });
    }
    await recordSecurityEvent({ type: "step_up", userId: other.id, request });

    const pages: string[][] = [];
    let before: string | undefined;
    for (;;) {
      const page = await listSecurityActivity(user.id, { before, limit: 3 });
      pages.push(page.events.map((event) => event.id));
      if (!page.hasOlder) break;
      before = page.events.at(-1)?.id;
    }

    // Events of one millisecond (PGlite's clock) are ordered by ID: any order, but the same every time.
    const newestFirst = await db()
      .select({ id: securityEvent.id })
      .from(securityEvent)
      .where(eq(securityEvent.userId, user.id))
      .orderBy(desc(securityEvent.createdAt), desc(securityEvent.id));
    // Seven step-ups and the account's creation.
    expect(pages.map((page) => page.length)).toEqual([3, 3, 2]);
    expect(pages.flat()).toEqual(newestFirst.map((event) => event.id));
  });

  it("gives an empty page for a cursor that is not one of the user's events", async () => {
    const { user } = await signUpFrom();
    const { user: other } = await signUpFrom();
    await recordSecurityEvent({
      type: "step_up",
      userId: other.id,
      request: { ipAddress: null, userAgent: null },
    });
    const [othersEvent] = await eventsAfterSignUp(other.id);

    expect(await listSecurityActivity(user.id, { before: othersEvent?.id })).toEqual({
      events: [],
      hasOlder: false,
    });
    expect(await listSecurityActivity(user.id, { before: "not-an-id" })).toEqual({
      events: [],
      hasOlder: false,
    });
  });

  it("gives an empty page, not an error, for a cursor PostgreSQL cannot read (a NUL, a lone surrogate)", async () => {
    const { user } = await signUpFrom();

    // What /settings/security/activity?before=%00 hands the list.
    for (const before of ["\u0000", "evt\u0000' or 1=1 --", "\ud800"]) {
      expect(await listSecurityActivity(user.id, { before })).toEqual({ events: [], hasOlder: false });
    }
  });
});
