import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";
import { type AdminPolicyOptions, adminAccess } from "@/lib/admin/policy";
import { setRole } from "@/lib/admin/roles";
import { db } from "@/lib/db";
import { passkey, user } from "@/lib/db/schema";
import { signUp, TestBrowser, uniqueEmail } from "../../helpers/browser";
import { firstLink, latestMailTo } from "../../helpers/mailbox";
import { registerPasskey } from "../../helpers/passkey-ceremonies";
import { eventsOf } from "../../helpers/rows";
import { signedInWith } from "../../helpers/signed-in";
import { SoftwareAuthenticator } from "../../helpers/software-authenticator";

// Read when the auth server is first created, which happens after this line.
const LISTED_ADMIN = uniqueEmail("listed-admin");
vi.stubEnv("ADMIN_EMAILS", ` other@example.test , ${LISTED_ADMIN.toUpperCase()} `);
afterAll(() => {
  vi.unstubAllEnvs();
});

// What an authenticator says of itself: these software keys send attestation "none". Verified
// attestation, the default, is test/integration/admin/admin-attestation.test.ts's.
const CLAIMED_POLICY: AdminPolicyOptions = {
  passkeyPolicy: "claimed",
  allowedAaguids: [],
  trustAnchorsConfigured: false,
};
const YUBIKEY_5 = "ee882879-721c-4913-9775-3dfcce97072a";

const syncedAuthenticator = () =>
  new SoftwareAuthenticator({ flags: { backupEligible: true, backedUp: true }, counterMode: "always-zero" });
const deviceBoundAuthenticator = (aaguid?: string) => new SoftwareAuthenticator({ aaguid });

type CurrentSession = {
  session: { id: string; passkeyId?: string | null };
  user: { id: string; role: string };
};

async function currentSession(browser: TestBrowser) {
  const response = await browser.get<CurrentSession>("/get-session");
  if (!response.body) throw new Error("not signed in");
  return response.body;
}

async function accessOf(browser: TestBrowser, options = CLAIMED_POLICY) {
  return adminAccess((await currentSession(browser)).session.id, options);
}

/** An admin account signed in with its password, holding passkeys on these authenticators. */
async function adminWith(authenticators: { authenticator: SoftwareAuthenticator; name: string }[]) {
  const { browser, user: account } = await signUp();
  await setRole(account.email, "admin");
  for (const { authenticator, name } of authenticators) {
    const registered = await registerPasskey(browser, authenticator, { name });
    expect(registered.status).toBe(200);
  }
  return { passwordBrowser: browser, account };
}

describe("the role", () => {
  it("is ignored when a client sends one at sign-up", async () => {
    const browser = new TestBrowser();
    const email = uniqueEmail();
    await browser.post("/sign-up/passkey", { name: "Mallory", email, role: "admin" });
    const token = new URLSearchParams(firstLink(await latestMailTo(email)).hash.slice(1)).get("token");
    const response = await browser.post("/sign-up/password", {
      token,
      password: "correct horse battery staple",
      role: "admin",
    });

    const [stored] = await db().select({ role: user.role }).from(user).where(eq(user.email, email));
    expect(response.status).toBe(200);
    expect(stored?.role).toBe("user");
  });

  it("cannot be changed by the user", async () => {
    const { browser, user: account } = await signUp();

    // It changes the name and nothing else (lib/account/person-names.ts); `role` is `input: false` too.
    const response = await browser.post("/update-user", { role: "admin" });

    const [stored] = await db().select({ role: user.role }).from(user).where(eq(user.id, account.id));
    expect(response.status).toBe(400);
    expect(stored?.role).toBe("user");
    expect((await currentSession(browser)).user.role).toBe("user");
  });

  it("is admin for an account created with an address in ADMIN_EMAILS, whatever its case", async () => {
    const { browser } = await signUp(new TestBrowser(), LISTED_ADMIN);
    const { browser: other } = await signUp();

    expect((await currentSession(browser)).user.role).toBe("admin");
    expect((await currentSession(other)).user.role).toBe("user");
  });

  it("is granted and revoked by the operator's script, and each change is logged", async () => {
    const { account } = await adminWith([]);

    expect(await setRole(account.email, "admin")).toMatchObject({ status: "unchanged" });
    expect(await setRole(account.email, "user")).toMatchObject({ status: "changed", previous: "admin" });
    expect(await setRole(uniqueEmail(), "admin")).toEqual({ status: "no-account" });
    const events = await eventsOf(account.id, "role_changed");
    expect(events.map((event) => event.details)).toEqual([
      { role: "admin", previous: "user", by: "script" },
      { role: "user", previous: "admin", by: "script" },
    ]);
  });
});

describe("the admin policy", () => {
  it("keeps non-admins out, even signed in with a device-bound passkey", async () => {
    const { browser } = await signUp();
    const key = deviceBoundAuthenticator();
    await registerPasskey(browser, key, { name: "Security key" });

    expect(await accessOf(await signedInWith(key))).toEqual({ allowed: false, reason: "not-admin" });
  });

  it("refuses a password session and names the device-bound passkey to sign in with", async () => {
    const { passwordBrowser } = await adminWith([
      { authenticator: syncedAuthenticator(), name: "Phone" },
      { authenticator: deviceBoundAuthenticator(), name: "Desk key" },
    ]);

    expect(await accessOf(passwordBrowser)).toMatchObject({
      allowed: false,
      reason: "sign-in-again",
      remedy: "Sign out, then sign in with your passkey “Desk key”.",
      qualifyingPasskeys: ["Desk key"],
    });
  });

  it("refuses an admin with no passkey at all, and says to add one", async () => {
    const { passwordBrowser } = await adminWith([]);

    expect(await accessOf(passwordBrowser)).toEqual({
      allowed: false,
      reason: "add-passkey",
      explanation: "The admin area needs a passkey, and you have none yet.",
      remedy: "Add a device-bound passkey, such as a security key, then sign out and sign in with it.",
      qualifyingPasskeys: [],
    });
  });

  it("refuses an admin with only synced passkeys, then admits them signed in with a device-bound one they add", async () => {
    const phone = syncedAuthenticator();
    await adminWith([{ authenticator: phone, name: "Phone" }]);
    const syncedSession = await signedInWith(phone);

    expect(await accessOf(syncedSession)).toEqual({
      allowed: false,
      reason: "add-passkey",
      explanation:
        "You only have synced passkeys (iCloud Keychain, Google Password Manager and the like), which can be copied to other devices.",
      remedy: "Add a device-bound passkey, such as a security key, then sign out and sign in with it.",
      qualifyingPasskeys: [],
    });

    const key = deviceBoundAuthenticator();
    expect((await registerPasskey(syncedSession, key, { name: "Security key" })).status).toBe(200);
    expect(await accessOf(syncedSession)).toEqual({
      allowed: false,
      reason: "sign-in-again",
      explanation: "You signed in with “Phone”, a synced passkey, which can be copied to other devices.",
      remedy: "Sign out, then sign in with your passkey “Security key”.",
      qualifyingPasskeys: ["Security key"],
    });

    expect(await accessOf(await signedInWith(key))).toEqual({ allowed: true, passkeyName: "Security key" });
  });

  it("stops admitting a session once the passkey it was signed in with is removed", async () => {
    const key = deviceBoundAuthenticator();
    const { account } = await adminWith([{ authenticator: key, name: "Security key" }]);
    const browser = await signedInWith(key);
    expect(await accessOf(browser)).toMatchObject({ allowed: true });

    await db().delete(passkey).where(eq(passkey.userId, account.id));

    expect(await accessOf(browser)).toMatchObject({ allowed: false, reason: "add-passkey" });
  });

  it("admits only approved authenticator models when AAGUIDs are configured", async () => {
    const unknownKey = deviceBoundAuthenticator();
    const yubiKey = deviceBoundAuthenticator(YUBIKEY_5);
    await adminWith([
      { authenticator: unknownKey, name: "Old key" },
      { authenticator: yubiKey, name: "YubiKey" },
    ]);
    const approvedOnly = { ...CLAIMED_POLICY, allowedAaguids: [YUBIKEY_5] };

    expect(await accessOf(await signedInWith(unknownKey), approvedOnly)).toMatchObject({
      allowed: false,
      reason: "sign-in-again",
      explanation:
        "You signed in with “Old key”, which is not on an authenticator approved for admins on this site.",
      qualifyingPasskeys: ["YubiKey"],
    });
    expect(await accessOf(await signedInWith(yubiKey), approvedOnly)).toEqual({
      allowed: true,
      passkeyName: "YubiKey",
    });
  });

  it("admits a synced passkey when the deployment does not require device-bound ones", async () => {
    const phone = syncedAuthenticator();
    await adminWith([{ authenticator: phone, name: "Phone" }]);

    expect(await accessOf(await signedInWith(phone), { ...CLAIMED_POLICY, passkeyPolicy: "off" })).toEqual({
      allowed: true,
      passkeyName: "Phone",
    });
  });
});
