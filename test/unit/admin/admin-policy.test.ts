import { describe, expect, it } from "vitest";
import {
  type AdminFacts,
  type AdminPolicyOptions,
  decideAdminAccess,
  isDeviceBound,
} from "@/lib/admin/policy";

const policy: AdminPolicyOptions = {
  passkeyPolicy: "claimed",
  allowedAaguids: [],
  trustAnchorsConfigured: false,
};
const deviceBound = {
  id: "key",
  name: "Desk key",
  deviceType: "singleDevice",
  backedUp: false,
  aaguid: null,
  transports: "usb",
  attestationTrusted: false,
  attestedAaguid: null,
  metadataDeviceBound: null,
};
const admin = (facts: Partial<AdminFacts>): AdminFacts => ({
  role: "admin",
  sessionPasskeyId: null,
  signInMethod: null,
  passkeys: [deviceBound],
  ...facts,
});

describe("device-bound passkeys", () => {
  it.each([
    ["single-device, not backed up", "singleDevice", false, true],
    ["backup eligible and backed up (synced)", "multiDevice", true, false],
    ["backup eligible, not backed up yet", "multiDevice", false, false],
    ["single-device yet reported backed up", "singleDevice", true, false],
  ])("%s", (_, deviceType, backedUp, expected) => {
    expect(isDeviceBound({ deviceType, backedUp })).toBe(expected);
  });
});

describe("why a session without a passkey is refused", () => {
  it.each([
    ["password", "You signed in with your password."],
    ["recovery_code", "You signed in with a recovery code."],
    [null, "You signed in without a passkey."],
  ] as const)("%s", (signInMethod, explanation) => {
    expect(decideAdminAccess(admin({ signInMethod }), policy)).toMatchObject({
      allowed: false,
      reason: "sign-in-again",
      explanation,
    });
  });

  it("admits the same admin signed in with the device-bound passkey", () => {
    expect(decideAdminAccess(admin({ sessionPasskeyId: "key", signInMethod: "passkey" }), policy)).toEqual({
      allowed: true,
      passkeyName: "Desk key",
    });
  });

  it("does not admit a passkey of another account that the session happens to name", () => {
    expect(
      decideAdminAccess(admin({ sessionPasskeyId: "someone-elses", passkeys: [] }), policy),
    ).toMatchObject({
      allowed: false,
      reason: "add-passkey",
    });
  });
});
