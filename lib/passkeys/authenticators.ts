import names from "./authenticator-names.json";
import providerList from "./provider-names.json";

export type AuthenticatorKind = "password-manager" | "platform" | "security-key" | "phone" | "unknown";
export type AuthenticatorInfo = { name: string; kind: AuthenticatorKind; known: boolean };

type PasskeyFields = { aaguid?: string | null; transports?: string | null; backedUp?: boolean | null };

// Maps, not the objects: a plain property lookup would answer "constructor" or "__proto__" from the prototype.
// The providers' own list first (names and icons), then the models only FIDO's Metadata Service lists.
const PROVIDERS = new Map<string, { name: string; icon: boolean }>(Object.entries(providerList.providers));
const NAMES = new Map<string, string>(Object.entries(names));

/** Changes with each refresh of the providers' list, so that an icon's URL can be cached for good. */
const ICONS_VERSION = providerList.source.commit.slice(0, 12);

const normalise = (aaguid: string | null | undefined) => aaguid?.replace(/\s+/g, "").toLowerCase() ?? "";

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
  const aaguid = normalise(passkey.aaguid);
  const name = PROVIDERS.get(aaguid)?.name ?? NAMES.get(aaguid);
  if (name !== undefined) {
    const kind = KIND_BY_NAME.find(([, pattern]) => pattern.test(name))?.[0] ?? "security-key";
    return { name, kind, known: true };
  }
  return { ...describeByTransports(passkey.transports, passkey.backedUp === true), known: false };
}

/**
 * Where the provider's own icon for this passkey is served (app/authenticator-icons/), for a light
 * and for a dark background; null when the provider gave none, and the app draws the kind instead.
 */
export function authenticatorIconUrls(passkey: PasskeyFields): { light: string; dark: string } | null {
  const aaguid = normalise(passkey.aaguid);
  if (!PROVIDERS.get(aaguid)?.icon) return null;
  const url = (scheme: "light" | "dark") => `/authenticator-icons/${aaguid}/${scheme}.svg?v=${ICONS_VERSION}`;
  return { light: url("light"), dark: url("dark") };
}

/** The label for a passkey the user has not named. */
export function defaultPasskeyName(passkey: PasskeyFields): string {
  return describeAuthenticator(passkey).name;
}

// Privacy-preserving platforms (Apple under attestation "none") send the all-zero AAGUID, and new products
// are missing from the list: whether the passkey is synced, and how the browser reached the
// authenticator, are then the best remaining hints.
function describeByTransports(
  transports: string | null | undefined,
  synced: boolean,
): Omit<AuthenticatorInfo, "known"> {
  const list = (transports ?? "").split(",").map((transport) => transport.trim().toLowerCase());
  // Hybrid is the QR-code flow: the passkey lives on a phone or tablet nearby. A security key never
  // offers it, whatever else the phone lists; a platform that also says "internal" is the device itself.
  const onAPhone = list.includes("hybrid") && (!list.includes("internal") || !synced);
  if (onAPhone) return { name: "Phone or tablet", kind: "phone" };
  // A security key's passkey cannot leave it: a synced one is in a password manager, whatever the transports.
  if (synced) return { name: "Password manager", kind: "password-manager" };
  if (list.some((transport) => ["usb", "nfc", "ble", "smart-card"].includes(transport))) {
    return { name: "Security key", kind: "security-key" };
  }
  if (list.includes("internal")) return { name: "Device screen lock", kind: "platform" };
  return { name: "Passkey", kind: "unknown" };
}
