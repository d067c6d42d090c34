import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { adminAccess } from "@/lib/admin/policy";
import { setRole } from "@/lib/admin/roles";
import { AttestationCA } from "../../helpers/attestation-ca";
import { signUp, TestBrowser } from "../../helpers/browser";
import {
  passkeysWithCredential,
  registerPasskey,
  registrationOptions,
  signInWithPasskey,
} from "../../helpers/passkey-ceremonies";
import { type AttestationConveyed, SoftwareAuthenticator } from "../../helpers/software-authenticator";

const YUBIKEY_5 = "ee882879-721c-4913-9775-3dfcce97072a";
const OTHER_MODEL = "cb69481e-8ff7-4039-93ec-0a2729a154a8";

// The operator's trust anchor: this file's own CA, standing in for a maker's attestation root. Read
// when the auth server is first created, which happens after these lines; the policy is left to its
// default, verified attestation.
const trustedMaker = await AttestationCA.create("Trusted Maker Attestation Root");
const unknownMaker = await AttestationCA.create("Unknown Maker Attestation Root");
const rootsFile = path.join(tmpdir(), `keyhold-attestation-roots-${process.pid}.pem`);
writeFileSync(rootsFile, trustedMaker.pem);
vi.stubEnv("ADMIN_ATTESTATION_ROOTS", rootsFile);
vi.stubEnv("ADMIN_PASSKEY_POLICY", "");
afterAll(() => {
  vi.unstubAllEnvs();
});

const securityKey = (attestation: AttestationConveyed, flags = {}) =>
  new SoftwareAuthenticator({ aaguid: YUBIKEY_5, attestation, flags });

async function sessionIdOf(browser: TestBrowser): Promise<string> {
  const response = await browser.get<{ session: { id: string } }>("/get-session");
  if (!response.body) throw new Error("not signed in");
  return response.body.session.id;
}

/** An admin signed in with their password, who registers `key`, then signs in with it if it was accepted. */
async function adminRegistering(key: SoftwareAuthenticator) {
  const { browser, user } = await signUp();
  await setRole(user.email, "admin");
  const registration = await registerPasskey(browser, key, { name: "Security key" });
  if (registration.status !== 200)
    return { registration, access: await adminAccess(await sessionIdOf(browser)) };
  const keySession = new TestBrowser();
  expect((await signInWithPasskey(keySession, key)).status).toBe(200);
  return { registration, access: await adminAccess(await sessionIdOf(keySession)) };
}

describe("admins on verified device-bound passkeys", () => {
  it("asks an admin's authenticator for attestation, and everyone else's for none", async () => {
    const { browser: admin, user } = await signUp();
    await setRole(user.email, "admin");
    const { browser: member } = await signUp();

    expect((await registrationOptions(admin)).body.attestation).toBe("direct");
    expect((await registrationOptions(member)).body.attestation).toBe("none");
  });

  it("admits an admin signed in with a key attested by the configured CA, and stores what was verified", async () => {
    const key = securityKey(await trustedMaker.issue({ aaguid: YUBIKEY_5 }));

    const { registration, access } = await adminRegistering(key);

    expect(registration.status).toBe(200);
    expect(access).toEqual({ allowed: true, passkeyName: "Security key" });
    const [stored] = await passkeysWithCredential(key.credentialId);
    expect(stored).toMatchObject({
      attestationFormat: "packed",
      attestationTrusted: true,
      attestedAaguid: YUBIKEY_5,
      attestedModel: "YubiKey 5 Series",
      metadataDeviceBound: null,
    });
  });

  it("refuses a key that only claims to be a device-bound YubiKey (attestation none, BE and BS clear) in the default configuration", async () => {
    const { registration, access } = await adminRegistering(securityKey("none"));

    expect(registration.status).toBe(200);
    expect(access).toEqual({
      allowed: false,
      reason: "add-passkey",
      explanation:
        "None of your passkeys came with an attestation this site could verify, so it cannot tell a security key from software that claims to be one.",
      remedy:
        "Add a security key from a maker this site trusts, and let your browser share its make and model when it asks; then sign out and sign in with it.",
      qualifyingPasskeys: [],
    });
  });

  it("refuses the same key with self attestation, signed by its own credential key", async () => {
    const key = securityKey("self");

    const { registration, access } = await adminRegistering(key);

    expect(registration.status).toBe(200);
    expect(access).toMatchObject({ allowed: false, reason: "add-passkey" });
    expect((await passkeysWithCredential(key.credentialId))[0]).toMatchObject({
      attestationFormat: "packed",
      attestationTrusted: false,
      attestedAaguid: null,
    });
  });

  it("refuses a key whose attestation chains to a CA the operator did not configure", async () => {
    const key = securityKey(await unknownMaker.issue({ aaguid: YUBIKEY_5 }));

    const { access } = await adminRegistering(key);

    expect(access).toMatchObject({ allowed: false, reason: "add-passkey" });
    expect((await passkeysWithCredential(key.credentialId))[0]?.attestationTrusted).toBe(false);
  });

  it("refuses a chain to an unknown CA that carries its own root, which @simplewebauthn's path check stops at", async () => {
    const key = securityKey(await unknownMaker.issue({ aaguid: YUBIKEY_5, includeRoot: true }));

    const { access } = await adminRegistering(key);

    expect(access).toMatchObject({ allowed: false, reason: "add-passkey" });
    expect((await passkeysWithCredential(key.credentialId))[0]?.attestationTrusted).toBe(false);
  });

  it("refuses a key whose certificate vouches for another model than its authenticator data names", async () => {
    const key = securityKey(await trustedMaker.issue({ aaguid: OTHER_MODEL }));

    const { registration, access } = await adminRegistering(key);

    expect(registration.status).toBe(400);
    expect(registration.body.code).toBe("PASSKEY_NOT_VERIFIED");
    expect(await passkeysWithCredential(key.credentialId)).toEqual([]);
    expect(access).toMatchObject({ allowed: false, reason: "add-passkey" });
  });

  it("refuses an attested key whose signed flags say it is synced", async () => {
    const key = securityKey(await trustedMaker.issue({ aaguid: YUBIKEY_5 }), {
      backupEligible: true,
      backedUp: true,
    });

    const { access } = await adminRegistering(key);

    expect(access).toMatchObject({
      allowed: false,
      explanation:
        "You only have synced passkeys (iCloud Keychain, Google Password Manager and the like), which can be copied to other devices.",
    });
  });

  it("stores nothing of an ordinary user's registration but the format: attestation none", async () => {
    const { browser } = await signUp();
    const key = securityKey("none");

    expect((await registerPasskey(browser, key)).status).toBe(200);

    expect((await passkeysWithCredential(key.credentialId))[0]).toMatchObject({
      attestationFormat: "none",
      attestationTrusted: false,
      attestedModel: null,
    });
  });
});
