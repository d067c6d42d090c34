import { describe, expect, it } from "vitest";
import {
  describeActionFailure,
  describeAuthError,
  describeCeremonyFailure,
  STEP_UP_CANCELLED,
} from "@/lib/auth-messages";

const CANCELLED = "No passkey was created. You can try again whenever you're ready.";

describe("describeCeremonyFailure", () => {
  it("reads a step-up the user closed as information, in the step-up's own sentence", () => {
    expect(describeCeremonyFailure(STEP_UP_CANCELLED, CANCELLED)).toEqual({
      tone: "info",
      text: STEP_UP_CANCELLED.message,
    });
  });

  // What the passkey client returns for a ceremony the browser stopped: a dismissed prompt is a
  // NotAllowedError, which SimpleWebAuthn passes through; anything not a WebAuthnError is AUTH_CANCELLED.
  it.each(["ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY", "AUTH_CANCELLED"])(
    "reads a ceremony reported as %s as a cancellation, in the caller's words",
    (code) => {
      expect(describeCeremonyFailure({ code, message: "Auth cancelled" }, CANCELLED)).toEqual({
        tone: "info",
        text: CANCELLED,
      });
    },
  );

  it("reads an authenticator that already holds a passkey for the account as an error", () => {
    expect(describeCeremonyFailure({ code: "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED" }, CANCELLED)).toEqual(
      { tone: "error", text: "This device already has a passkey for your account." },
    );
  });

  it("reads a refusal by the server as an error, in the server's words", () => {
    const refusal = { code: "STEP_UP_REQUIRED", message: "Confirm it's you to continue.", status: 403 };
    expect(describeCeremonyFailure(refusal, CANCELLED)).toEqual({ tone: "error", text: refusal.message });
  });
});

describe("describeActionFailure", () => {
  it("reads a step-up the user closed as information, and anything else as an error", () => {
    expect(describeActionFailure(STEP_UP_CANCELLED)).toEqual({
      tone: "info",
      text: STEP_UP_CANCELLED.message,
    });
    expect(describeActionFailure({ code: "CHALLENGE_NOT_FOUND" })).toEqual({
      tone: "error",
      text: "The passkey request expired. Please try again.",
    });
  });
});

describe("describeAuthError", () => {
  it("words Better Auth's terse codes, and a bare 429", () => {
    expect(describeAuthError({ code: "CHALLENGE_NOT_FOUND", message: "Challenge not found" })).toBe(
      "The passkey request expired. Please try again.",
    );
    expect(describeAuthError({ status: 429 })).toBe("Too many attempts. Wait a moment, then try again.");
  });
});
