import names from "./authenticator-names.json";

export type AuthenticatorKind = "password-manager" | "platform" | "security-key" | "phone" | "unknown";
export type AuthenticatorInfo = { name: string; kind: AuthenticatorKind; known: boolean };

type PasskeyFields = { aaguid?: string | null; transports?: string | null };

// A Map, not the object: a plain property lookup would answer "constructor" or "__proto__" from the prototype.
const NAMES = new Map<string, string>(Object.entries(names));

// The list has only names, so the kind comes from them. Checked in order: the first match wins, so
// "Allthenticator iOS App: … for Windows" is a phone, and anything unmatched is hardware, as most entries are.
const KIND_BY_NAME: [AuthenticatorKind, RegExp][] = [
  [
    "password-manager",
    /password|keychain|bitwarden|dashlane|lastpass|nordpass|proton pass|keeper|enpass|keepass|samsung pass|aliasvault|\bvault\b|devolutions|logmeonce|pwsafe|sésame|passkey provider|chrome on|edge on|chromium/i,
  ],
  // App-based authenticators (SDKs, "RSA Authenticator 4 for iOS") live on the user's phone, not a key.
  ["phone", /\bandroid\b|\bios\b|\bphone\b/i],
  ["platform", /\bwindows\b|\btpm\b|- software$/i],
];

/** What the user will recognise the passkey by, from its AAGUID, or failing that its transports. */
export function describeAuthenticator(passkey: PasskeyFields): AuthenticatorInfo {
  const name = NAMES.get(passkey.aaguid?.replace(/\s+/g, "").toLowerCase() ?? "");
  if (name !== undefined) {
    const kind = KIND_BY_NAME.find(([, pattern]) => pattern.test(name))?.[0] ?? "security-key";
    return { name, kind, known: true };
  }
  return { ...describeByTransports(passkey.transports), known: false };
}

/** The label for a passkey the user has not named. */
export function defaultPasskeyName(passkey: PasskeyFields): string {
  return describeAuthenticator(passkey).name;
}

// Privacy-preserving platforms (Apple under attestation "none") send the all-zero AAGUID, and new products
// are missing from the list: how the browser reached the authenticator is then the best remaining hint.
function describeByTransports(transports: string | null | undefined): Omit<AuthenticatorInfo, "known"> {
  const list = (transports ?? "").split(",").map((transport) => transport.trim().toLowerCase());
  if (list.some((transport) => ["usb", "nfc", "ble", "smart-card"].includes(transport))) {
    return { name: "Security key", kind: "security-key" };
  }
  if (list.includes("internal")) return { name: "Device screen lock", kind: "platform" };
  // Hybrid alone is the QR-code flow: the passkey stayed on a phone or tablet nearby.
  if (list.includes("hybrid")) return { name: "Phone or tablet", kind: "phone" };
  return { name: "Passkey", kind: "unknown" };
}
