import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type VerifiedRegistrationResponse,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type WebAuthnCredential,
} from "@simplewebauthn/server";
import { isoBase64URL } from "@simplewebauthn/server/helpers";
import { describe, expect, it } from "vitest";
import { site } from "@/config/site";
import { SoftwareAuthenticator } from "@/test/helpers/software-authenticator";

// The helper is only worth having if @simplewebauthn/server, the library the app verifies with,
// accepts what it builds and refuses what it forges. Every check below goes through that library.

const rpID = "localhost";
const origin = "http://localhost:3000";

async function registrationOptions() {
  return generateRegistrationOptions({
    rpName: site.name,
    rpID,
    userName: "ada@example.com",
    attestationType: "none",
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
  });
}

async function verifyRegistration(
  response: Parameters<typeof verifyRegistrationResponse>[0]["response"],
  expectedChallenge: string,
  requireUserVerification = true,
) {
  return verifyRegistrationResponse({
    response,
    expectedChallenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification,
  });
}

/** Registers the authenticator and returns what a server would store for it. */
async function register(authenticator: SoftwareAuthenticator) {
  const options = await registrationOptions();
  const verification = await verifyRegistration(authenticator.createCredential(options), options.challenge);
  if (!verification.verified) throw new Error("registration did not verify");
  return { credential: verification.registrationInfo.credential, userId: options.user.id };
}

async function authenticate(
  authenticator: SoftwareAuthenticator,
  credential: WebAuthnCredential,
  overrides: Parameters<SoftwareAuthenticator["getAssertion"]>[1] = {},
  requireUserVerification = true,
) {
  const options = await generateAuthenticationOptions({ rpID, userVerification: "required" });
  return verifyAuthenticationResponse({
    response: authenticator.getAssertion(options, overrides),
    expectedChallenge: options.challenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    credential,
    requireUserVerification,
  });
}

describe("SoftwareAuthenticator registration", () => {
  it("produces a response @simplewebauthn/server verifies, with the authenticator's own key and id", async () => {
    const aaguid = "adce0002-35bc-c60a-648b-0b25f1f05503";
    const authenticator = new SoftwareAuthenticator({ aaguid, signCount: 7 });
    const options = await registrationOptions();
    const response = authenticator.createCredential(options);

    const verification = await verifyRegistration(response, options.challenge);

    expect(verification.verified).toBe(true);
    const info = (verification as Extract<VerifiedRegistrationResponse, { verified: true }>).registrationInfo;
    expect(info.fmt).toBe("none");
    expect(info.aaguid).toBe(aaguid);
    expect(info.credential.id).toBe(authenticator.credentialId);
    expect(info.credential.id).toBe(response.id);
    expect(Buffer.from(info.credential.publicKey)).toEqual(Buffer.from(authenticator.publicKey));
    expect(info.credential.counter).toBe(7);
    expect(info.credential.transports).toEqual(["internal", "hybrid"]);
    expect(info.userVerified).toBe(true);
    expect(info.credentialDeviceType).toBe("singleDevice");
    expect(info.credentialBackedUp).toBe(false);
    expect(info.origin).toBe(origin);
    expect(info.rpID).toBe(rpID);
  });

  it("uses a given credential id", async () => {
    const bytes = new Uint8Array(32).fill(0xab);
    const authenticator = new SoftwareAuthenticator({ credentialId: bytes });
    const { credential } = await register(authenticator);

    expect(authenticator.credentialId).toBe(isoBase64URL.fromBuffer(new Uint8Array(bytes)));
    expect(credential.id).toBe(authenticator.credentialId);
  });

  it("reports a synced passkey as multi-device and backed up", async () => {
    const authenticator = new SoftwareAuthenticator({ flags: { backupEligible: true, backedUp: true } });
    const options = await registrationOptions();
    const verification = await verifyRegistration(authenticator.createCredential(options), options.challenge);

    expect(verification.registrationInfo?.credentialDeviceType).toBe("multiDevice");
    expect(verification.registrationInfo?.credentialBackedUp).toBe(true);
  });

  it("reports a backup-eligible passkey that is not yet backed up", async () => {
    const authenticator = new SoftwareAuthenticator({ flags: { backupEligible: true } });
    const options = await registrationOptions();
    const verification = await verifyRegistration(authenticator.createCredential(options), options.challenge);

    expect(verification.registrationInfo?.credentialDeviceType).toBe("multiDevice");
    expect(verification.registrationInfo?.credentialBackedUp).toBe(false);
  });

  it("reports no user verification when the UV flag is off, which a UV-requiring server refuses", async () => {
    const authenticator = new SoftwareAuthenticator();
    const options = await registrationOptions();
    const response = authenticator.createCredential(options, { flags: { userVerified: false } });

    const lenient = await verifyRegistration(response, options.challenge, false);
    expect(lenient.verified).toBe(true);
    expect(lenient.registrationInfo?.userVerified).toBe(false);
    await expect(verifyRegistration(response, options.challenge, true)).rejects.toThrow(/user verification/i);
  });

  it.each([
    ["origin", { origin: "https://evil.example" }, /origin/],
    ["RP ID", { rpId: "evil.example" }, /RP ID/],
    ["challenge", { challenge: isoBase64URL.fromUTF8String("stale challenge") }, /challenge/],
    ["ceremony type", { type: "webauthn.get" }, /type/],
    ["user presence", { flags: { userPresent: false } }, /presen/],
  ])("forges a wrong %s that the server refuses", async (_what, overrides, error) => {
    const authenticator = new SoftwareAuthenticator();
    const options = await registrationOptions();

    await expect(
      verifyRegistration(authenticator.createCredential(options, overrides), options.challenge),
    ).rejects.toThrow(error);
    // The same authenticator without the forgery registers, so the override alone caused the refusal.
    const honest = await registrationOptions();
    expect(
      (await verifyRegistration(authenticator.createCredential(honest), honest.challenge)).verified,
    ).toBe(true);
  });

  it("lets a tamper hook edit the authenticator data before it is encoded", async () => {
    const authenticator = new SoftwareAuthenticator();
    const options = await registrationOptions();
    const response = authenticator.createCredential(options, {
      tamper: ({ authData }) => {
        authData[32] = (authData[32] ?? 0) | 0x10; // BS without BE: backed up yet never eligible.
      },
    });

    await expect(verifyRegistration(response, options.challenge)).rejects.toThrow(/backed up/);
  });

  it("encodes clientDataJSON as a browser does", async () => {
    const options = await registrationOptions();
    const response = new SoftwareAuthenticator().createCredential(options);

    expect(JSON.parse(isoBase64URL.toUTF8String(response.response.clientDataJSON))).toEqual({
      type: "webauthn.create",
      challenge: options.challenge,
      origin,
      crossOrigin: false,
    });
    expect(response.authenticatorAttachment).toBe("platform");
    expect(response.clientExtensionResults).toEqual({});
  });
});

describe("SoftwareAuthenticator assertions", () => {
  it("verify against the registered key, and the counter goes up by one each time", async () => {
    const authenticator = new SoftwareAuthenticator();
    const { credential } = await register(authenticator);
    expect(credential.counter).toBe(0);

    const first = await authenticate(authenticator, credential);
    expect(first.verified).toBe(true);
    expect(first.authenticationInfo.newCounter).toBe(1);
    expect(first.authenticationInfo.credentialID).toBe(authenticator.credentialId);
    expect(first.authenticationInfo.userVerified).toBe(true);
    expect(first.authenticationInfo.credentialDeviceType).toBe("singleDevice");

    const second = await authenticate(authenticator, {
      ...credential,
      counter: first.authenticationInfo.newCounter,
    });
    expect(second.verified).toBe(true);
    expect(second.authenticationInfo.newCounter).toBe(2);
    expect(authenticator.signCount).toBe(2);
  });

  it("carry the backup flags", async () => {
    const authenticator = new SoftwareAuthenticator({ flags: { backupEligible: true, backedUp: true } });
    const { credential } = await register(authenticator);
    const verification = await authenticate(authenticator, credential);

    expect(verification.verified).toBe(true);
    expect(verification.authenticationInfo.credentialDeviceType).toBe("multiDevice");
    expect(verification.authenticationInfo.credentialBackedUp).toBe(true);
  });

  it("return the registered user.id as userHandle, unless overridden", async () => {
    const authenticator = new SoftwareAuthenticator();
    const { userId } = await register(authenticator);
    const options = await generateAuthenticationOptions({ rpID });

    expect(authenticator.getAssertion(options).response.userHandle).toBe(userId);
    expect(authenticator.getAssertion(options, { userHandle: "b3RoZXI" }).response.userHandle).toBe(
      "b3RoZXI",
    );
    expect(authenticator.getAssertion(options, { userHandle: null }).response).not.toHaveProperty(
      "userHandle",
    );
  });

  it("in always-zero mode verify again and again at counter 0", async () => {
    const authenticator = new SoftwareAuthenticator({ counterMode: "always-zero" });
    const { credential } = await register(authenticator);
    expect(credential.counter).toBe(0);

    for (let i = 0; i < 3; i++) {
      const verification = await authenticate(authenticator, credential);
      expect(verification.verified).toBe(true);
      expect(verification.authenticationInfo.newCounter).toBe(0);
    }
    expect(authenticator.signCount).toBe(0);
  });

  it("in always-zero mode report 0 even when a test sets signCount", async () => {
    const authenticator = new SoftwareAuthenticator({ counterMode: "always-zero", signCount: 5 });
    const { credential } = await register(authenticator);
    expect(credential.counter).toBe(0);

    authenticator.signCount = 9;
    expect((await authenticate(authenticator, credential)).authenticationInfo.newCounter).toBe(0);
  });

  it("with a corrupted signature do not verify", async () => {
    const authenticator = new SoftwareAuthenticator();
    const { credential } = await register(authenticator);

    const corrupted = await authenticate(authenticator, credential, { corruptSignature: true });
    expect(corrupted.verified).toBe(false);
    expect((await authenticate(authenticator, credential)).verified).toBe(true);
  });

  it("signed by another key under the same credential id do not verify", async () => {
    const credentialId = new Uint8Array(16).fill(7);
    const owner = new SoftwareAuthenticator({ credentialId });
    const impostor = new SoftwareAuthenticator({ credentialId });
    const { credential } = await register(owner);

    expect((await authenticate(impostor, credential)).verified).toBe(false);
    expect((await authenticate(owner, credential)).verified).toBe(true);
  });

  it.each([
    ["origin", { origin: "https://evil.example" }, /origin/],
    ["RP ID", { rpId: "evil.example" }, /RP ID/],
    ["challenge", { challenge: isoBase64URL.fromUTF8String("stale challenge") }, /challenge/],
    ["ceremony type", { type: "webauthn.create" }, /type/],
    ["user presence", { flags: { userPresent: false } }, /not present/],
  ])("with a forged %s are refused", async (_what, overrides, error) => {
    const authenticator = new SoftwareAuthenticator();
    const { credential } = await register(authenticator);

    await expect(authenticate(authenticator, credential, overrides)).rejects.toThrow(error);
    expect((await authenticate(authenticator, credential)).verified).toBe(true);
  });

  it("without user verification are refused when the server requires it", async () => {
    const authenticator = new SoftwareAuthenticator();
    const { credential } = await register(authenticator);
    const noUV = { flags: { userVerified: false } };

    await expect(authenticate(authenticator, credential, noUV, true)).rejects.toThrow(/user verification/i);
    const lenient = await authenticate(authenticator, credential, noUV, false);
    expect(lenient.verified).toBe(true);
    expect(lenient.authenticationInfo.userVerified).toBe(false);
  });

  it("from a cloned authenticator, whose counter lags the stored one, are refused", async () => {
    const authenticator = new SoftwareAuthenticator();
    const { credential } = await register(authenticator);
    const stored = { ...credential, counter: 5 };

    authenticator.signCount = 3; // The clone signs with 4.
    await expect(authenticate(authenticator, stored)).rejects.toThrow(/counter/);
    authenticator.signCount = 4; // Signing with 5 repeats the stored value: still a replay.
    await expect(authenticate(authenticator, stored)).rejects.toThrow(/counter/);
    authenticator.signCount = 5; // The genuine next use.
    expect((await authenticate(authenticator, stored)).authenticationInfo.newCounter).toBe(6);
  });

  it("with a forced signCount report it without moving the authenticator's own counter", async () => {
    const authenticator = new SoftwareAuthenticator({ signCount: 10 });
    const { credential } = await register(authenticator);
    expect(credential.counter).toBe(10);

    await expect(authenticate(authenticator, credential, { signCount: 9 })).rejects.toThrow(/counter/);
    expect(
      (await authenticate(authenticator, credential, { signCount: 50 })).authenticationInfo.newCounter,
    ).toBe(50);
    expect(authenticator.signCount).toBe(10);
    expect((await authenticate(authenticator, credential)).authenticationInfo.newCounter).toBe(11);
  });

  it("sign whatever a tamper hook leaves, so only the server's own checks can catch it", async () => {
    const authenticator = new SoftwareAuthenticator();
    const { credential } = await register(authenticator);

    await expect(
      authenticate(authenticator, credential, {
        tamper: ({ clientData }) => {
          clientData.tokenBinding = { status: "forged" };
        },
      }),
    ).rejects.toThrow(/tokenBinding/);
  });
});
