import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth";
import { describeSecurityEvent, eventDescriptionsOf } from "@/lib/security-activity/describe";
import {
  hasWayIn,
  isSignInMethod,
  SIGN_IN_METHOD_WORDS,
  SIGN_IN_METHODS,
  SIGN_IN_PATHS,
} from "@/lib/sign-in-methods/methods";

const summary = (type: string, details: Record<string, unknown> | null) =>
  describeSecurityEvent({ type, details }, eventDescriptionsOf(auth().options)).summary;

describe("an unknown sign-in method in the security log", () => {
  // A method added by a later version, or a row written by hand: nothing says it was a password.
  it.each([
    ["a method this version does not know", { method: "github" }],
    ["no method", {}],
    ["no details", null],
  ])("is not described as the password: %s", (_, details) => {
    for (const type of ["sign_in", "sign_in_failed", "step_up_failed"]) {
      expect(summary(type, details)).not.toMatch(/password/i);
    }
    expect(summary("sign_in", details)).toBe("Signed in");
    expect(summary("sign_in_failed", details)).toBe("Failed sign-in attempt");
    expect(summary("step_up_failed", details)).toBe("Failed to confirm it was you");
  });

  it("still names each known method", () => {
    expect(summary("sign_in", { method: "recovery_code" })).toBe("Signed in with a recovery code");
    expect(summary("sign_in_failed", { method: "password" })).toBe(
      "Failed sign-in attempt with a wrong password",
    );
    expect(summary("sign_in_failed", { method: "passkey" })).toBe(
      "Failed sign-in attempt with one of your passkeys",
    );
    expect(summary("step_up_failed", { method: "password" })).toBe(
      "Failed to confirm it was you with the password",
    );
  });
});

describe("the sign-in methods", () => {
  it("know only their own names", () => {
    for (const method of SIGN_IN_METHODS) expect(isSignInMethod(method)).toBe(true);
    for (const other of ["github", "", null, undefined, "toString", "__proto__"]) {
      expect(isSignInMethod(other)).toBe(false);
    }
  });

  it("have words for each method, and every sign-in endpoint signs in with one of them", () => {
    expect(Object.keys(SIGN_IN_METHOD_WORDS).sort()).toEqual([...SIGN_IN_METHODS].sort());
    for (const method of Object.values(SIGN_IN_PATHS)) expect(SIGN_IN_METHODS).toContain(method);
  });

  it("leave an account a way in while it has a passkey or a password", () => {
    expect(hasWayIn({ passkeys: 1, hasPassword: false })).toBe(true);
    expect(hasWayIn({ passkeys: 0, hasPassword: true })).toBe(true);
    expect(hasWayIn({ passkeys: 0, hasPassword: false })).toBe(false);
  });
});
