import { eq } from "drizzle-orm";
import { type AdminConfig, serverConfig } from "@/config/env";
import { db } from "@/lib/db";
import { passkey, session, user } from "@/lib/db/schema";
import { describeAuthenticator } from "@/lib/passkeys/authenticators";
import { isSignInMethod, SIGN_IN_METHOD_WORDS, type SignInMethod } from "@/lib/sign-in-methods/methods";

/**
 * Who may use /admin, and with what. The one place that decides it: every admin page and admin
 * data route asks `adminAccess(sessionId)` and shows its answer.
 *
 * An admin must be signed in, in this very session, with a passkey that qualifies: device-bound by
 * default, and from an approved authenticator model when ADMIN_ALLOWED_AAGUIDS lists some. A
 * password or a recovery code never qualifies.
 *
 * "Device-bound" and "this model" are, by default ("attested"), facts the server verified: the
 * passkey's attestation chains to a trust anchor the operator configured (lib/admin/attestation),
 * so its maker vouches for the flags and the AAGUID. "claimed" takes the authenticator's word for
 * them, which any software can forge; "off" takes any passkey. User verification needs no check here: the passkey
 * policy refuses every passkey sign-in without it (lib/passkeys), so a session that
 * carries a passkey was signed in with a PIN or biometric check.
 *
 * Why device-bound: a synced passkey lives in a cloud account (iCloud Keychain, Google Password
 * Manager) and can be copied to every device that account reaches, so whoever takes over that cloud
 * account holds the admin's key too. A device-bound passkey cannot leave its authenticator.
 */

export type AdminPolicyOptions = Pick<AdminConfig, "passkeyPolicy" | "allowedAaguids"> & {
  /** Whether the operator configured any attestation trust anchor: without one, nothing verifies. */
  trustAnchorsConfigured: boolean;
};

export type AdminAccess =
  | { allowed: true; passkeyName: string }
  /** Not an admin, or no such session: the admin area does not exist for them. */
  | { allowed: false; reason: "not-admin" }
  | {
      allowed: false;
      /**
       * "add-passkey": no passkey of theirs qualifies, so they must add one first.
       * "sign-in-again": one does, but this session was signed in another way.
       */
      reason: "add-passkey" | "sign-in-again";
      /** What is wrong, in a sentence for the admin. */
      explanation: string;
      /** What to do about it, in a sentence for the admin. */
      remedy: string;
      /** The names of the admin's passkeys that would be admitted. */
      qualifyingPasskeys: string[];
    };

/** Why an admin may not enter yet: they must add a qualifying passkey, or sign in with one. */
export type AdminRefusal = Extract<AdminAccess, { reason: "add-passkey" | "sign-in-again" }>;

type PasskeyFacts = Pick<
  typeof passkey.$inferSelect,
  | "id"
  | "name"
  | "deviceType"
  | "backedUp"
  | "aaguid"
  | "transports"
  | "attestationTrusted"
  | "attestedAaguid"
  | "metadataDeviceBound"
>;

export type AdminFacts = {
  role: string;
  /** The passkey this session was signed in with; null for any other method. */
  sessionPasskeyId: string | null;
  /** How the session was signed in, when it was recorded. */
  signInMethod: SignInMethod | null;
  passkeys: PasskeyFacts[];
};

export function adminPolicyOptions(): AdminPolicyOptions {
  const { passkeyPolicy, allowedAaguids, attestationRoots, mdsBlob } = serverConfig().admin;
  return { passkeyPolicy, allowedAaguids, trustAnchorsConfigured: Boolean(attestationRoots || mdsBlob) };
}

/**
 * Device-bound means the private key cannot leave the authenticator. Authenticator data carries two
 * flags for it (WebAuthn §6.1): BE (backup eligible), fixed for the credential's lifetime, which
 * @simplewebauthn reports as deviceType "multiDevice" (BE set) or "singleDevice"; and BS (backed
 * up), whether it is synced right now. Both must be clear: a single-device credential cannot be
 * backed up, so the second condition also refuses an authenticator that reports the two flags
 * inconsistently.
 */
export function isDeviceBound(credential: Pick<PasskeyFacts, "deviceType" | "backedUp">): boolean {
  return credential.deviceType === "singleDevice" && !credential.backedUp;
}

/**
 * Device-bound as the server verified it: the attestation chains to a trust anchor, so the flags
 * were signed by a genuine authenticator of that model, and its metadata, where the operator
 * supplied some, does not say its keys can be copied out.
 */
export function isVerifiedDeviceBound(
  credential: Pick<PasskeyFacts, "deviceType" | "backedUp" | "attestationTrusted" | "metadataDeviceBound">,
): boolean {
  return (
    credential.attestationTrusted && isDeviceBound(credential) && credential.metadataDeviceBound !== false
  );
}

/** The decision itself, from facts already read: no I/O, so every rule is easy to test. */
export function decideAdminAccess(facts: AdminFacts, options: AdminPolicyOptions): AdminAccess {
  if (facts.role !== "admin") return { allowed: false, reason: "not-admin" };

  const attested = options.passkeyPolicy === "attested";
  // The model an attested passkey is from is the one its attestation vouches for.
  const approved = (credential: PasskeyFacts) =>
    options.allowedAaguids.length === 0 ||
    options.allowedAaguids.includes(
      (attested ? credential.attestedAaguid : credential.aaguid)?.toLowerCase() ?? "",
    );
  const deviceBound = {
    attested: isVerifiedDeviceBound,
    claimed: isDeviceBound,
    off: () => true,
  }[options.passkeyPolicy];
  const qualifies = (credential: PasskeyFacts) => deviceBound(credential) && approved(credential);

  const used = facts.passkeys.find((credential) => credential.id === facts.sessionPasskeyId);
  if (used && qualifies(used)) return { allowed: true, passkeyName: nameOf(used) };

  const qualifying = facts.passkeys.filter(qualifies).map(nameOf);
  if (qualifying.length === 0) {
    return {
      allowed: false,
      reason: "add-passkey",
      explanation: explainMissing(facts.passkeys, options, approved),
      remedy: remedyForMissing(options),
      qualifyingPasskeys: [],
    };
  }
  return {
    allowed: false,
    reason: "sign-in-again",
    explanation: explainSignIn(used, facts.signInMethod, options),
    remedy: `Sign out, then sign in with ${listNames(qualifying)}.`,
    qualifyingPasskeys: qualifying,
  };
}

function remedyForMissing(options: AdminPolicyOptions): string {
  const approvedOnly = options.allowedAaguids.length > 0 ? " from an authenticator approved for admins" : "";
  if (options.passkeyPolicy === "off")
    return `Add a passkey${approvedOnly}, then sign out and sign in with it.`;
  if (options.passkeyPolicy === "claimed") {
    return `Add a device-bound passkey${approvedOnly}, such as a security key, then sign out and sign in with it.`;
  }
  if (!options.trustAnchorsConfigured) {
    return "This site cannot verify any security key yet: its operator must configure attestation trust anchors (ADMIN_ATTESTATION_ROOTS or FIDO_MDS_BLOB) before anyone can open the admin area.";
  }
  return `Add a security key from a maker this site trusts${approvedOnly}, and let your browser share its make and model when it asks; then sign out and sign in with it.`;
}

function explainMissing(
  passkeys: PasskeyFacts[],
  options: AdminPolicyOptions,
  approved: (credential: PasskeyFacts) => boolean,
): string {
  if (passkeys.length === 0) return "The admin area needs a passkey, and you have none yet.";
  if (options.passkeyPolicy !== "off" && !passkeys.some(isDeviceBound)) {
    return "You only have synced passkeys (iCloud Keychain, Google Password Manager and the like), which can be copied to other devices.";
  }
  if (options.passkeyPolicy === "attested" && !passkeys.some((credential) => credential.attestationTrusted)) {
    return "None of your passkeys came with an attestation this site could verify, so it cannot tell a security key from software that claims to be one.";
  }
  if (options.passkeyPolicy === "attested" && !passkeys.some(isVerifiedDeviceBound)) {
    return "None of your passkeys is verified to stay on its device: the maker's metadata or the key itself says it can be copied.";
  }
  if (!passkeys.some(approved)) {
    return "None of your passkeys is on an authenticator approved for admins on this site.";
  }
  return "None of your passkeys is both device-bound and on an authenticator approved for admins on this site.";
}

function explainSignIn(
  used: PasskeyFacts | undefined,
  method: SignInMethod | null,
  options: AdminPolicyOptions,
): string {
  if (!used) {
    // A passkey sign-in without its passkey: the passkey has been removed since.
    if (!method || method === "passkey") return "You signed in without a passkey.";
    return `You signed in with ${SIGN_IN_METHOD_WORDS[method].usedWith}.`;
  }
  if (options.passkeyPolicy !== "off" && !isDeviceBound(used)) {
    return `You signed in with “${nameOf(used)}”, a synced passkey, which can be copied to other devices.`;
  }
  if (options.passkeyPolicy === "attested" && !used.attestationTrusted) {
    return `You signed in with “${nameOf(used)}”, whose attestation this site could not verify.`;
  }
  if (options.passkeyPolicy === "attested" && !isVerifiedDeviceBound(used)) {
    return `You signed in with “${nameOf(used)}”, whose maker's metadata says it can be copied to other devices.`;
  }
  return `You signed in with “${nameOf(used)}”, which is not on an authenticator approved for admins on this site.`;
}

function nameOf(credential: PasskeyFacts): string {
  return credential.name || describeAuthenticator(credential).name;
}

function listNames(names: string[]): string {
  const quoted = names.map((name) => `“${name}”`);
  if (quoted.length === 1) return `your passkey ${quoted[0]}`;
  return `one of your passkeys: ${quoted.join(", ")}`;
}

/** Reads what the decision needs for one session, straight from the database. */
export async function loadAdminFacts(sessionId: string): Promise<AdminFacts | null> {
  const [current] = await db()
    .select({
      userId: session.userId,
      role: user.role,
      passkeyId: session.passkeyId,
      signInMethod: session.signInMethod,
    })
    .from(session)
    .innerJoin(user, eq(user.id, session.userId))
    .where(eq(session.id, sessionId));
  if (!current) return null;
  const passkeys = await db()
    .select({
      id: passkey.id,
      name: passkey.name,
      deviceType: passkey.deviceType,
      backedUp: passkey.backedUp,
      aaguid: passkey.aaguid,
      transports: passkey.transports,
      attestationTrusted: passkey.attestationTrusted,
      attestedAaguid: passkey.attestedAaguid,
      metadataDeviceBound: passkey.metadataDeviceBound,
    })
    .from(passkey)
    .where(eq(passkey.userId, current.userId))
    .orderBy(passkey.createdAt);
  return {
    role: current.role,
    sessionPasskeyId: current.passkeyId,
    signInMethod: isSignInMethod(current.signInMethod) ? current.signInMethod : null,
    passkeys,
  };
}

/** Whether this session may use the admin area, and if not, why and what to do. */
export async function adminAccess(
  sessionId: string,
  options: AdminPolicyOptions = adminPolicyOptions(),
): Promise<AdminAccess> {
  const facts = await loadAdminFacts(sessionId);
  return facts ? decideAdminAccess(facts, options) : { allowed: false, reason: "not-admin" };
}
