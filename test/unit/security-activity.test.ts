import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth";
import { describeSecurityEvent, eventDescriptionsOf } from "@/lib/security-activity/describe";

const event = (type: string, details: Record<string, unknown> | null = null) =>
  describeSecurityEvent({ type, details }, eventDescriptionsOf(auth().options));

describe("activity sentences", () => {
  it("names how each sign-in happened", () => {
    expect(event("sign_in", { method: "password" }).summary).toBe("Signed in with your password");
    expect(event("sign_in", { method: "passkey", deviceType: "multiDevice" }).summary).toBe(
      "Signed in with a synced passkey",
    );
    expect(event("sign_in", { method: "passkey", deviceType: "singleDevice" }).summary).toBe(
      "Signed in with a device-bound passkey",
    );
    expect(event("sign_in", { method: "passkey", deviceType: "multiDevice", name: "Phone" }).summary).toBe(
      'Signed in with the synced passkey "Phone"',
    );
    expect(event("sign_in", { method: "recovery_code", remaining: 1 }).summary).toBe(
      "Signed in with a recovery code (1 code left)",
    );
  });

  it("draws attention to a new device and to refused attempts, and to nothing else", () => {
    expect(event("sign_in", { method: "password", newDevice: true })).toEqual({
      summary: "Signed in with your password",
      attention: true,
      badge: "New device",
    });
    expect(event("sign_in_failed", { method: "password" }).attention).toBe(true);
    expect(event("sign_in", { method: "password", newDevice: false }).attention).toBe(false);
    expect(event("passkey_removed", { name: "Phone" }).attention).toBe(false);
  });

  it("names the passkey a change was about", () => {
    expect(event("passkey_added", { name: "Phone", deviceType: "multiDevice" }).summary).toBe(
      'Added the synced passkey "Phone"',
    );
    expect(event("passkey_renamed", { name: "Work", previousName: "Phone" }).summary).toBe(
      'Renamed the passkey "Phone" to "Work"',
    );
    expect(event("passkey_removed", { name: null }).summary).toBe("Removed the passkey without a name");
  });
});
