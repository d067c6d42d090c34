import { eq } from "drizzle-orm";
import { db } from "@/lib/db";
import { passkey, session, user } from "@/lib/db/schema";
import { type AdminConfig, serverConfig } from "@/lib/env";
import { describeAuthenticator } from "@/lib/passkeys/authenticators";
import { isSignInMethod, SIGN_IN_METHOD_WORDS, type SignInMethod } from "@/lib/sign-in-methods/methods";

/**
 * Who may use /admin, and with what. The one place that decides it: every admin page and admin
 * data route asks `adminAccess(sessionId)` and shows its answer.
 *
 * An admin must be signed in, in this very session, with a passkey that qualifies: device-bound by
 * default, and from an approved authenticator model when ADMIN_ALLOWED_AAGUIDS lists some. A
 * password or a recovery code never qualifies. User verification needs no check here: the passkey
 * policy refuses every passkey sign-in without it (lib/auth/passkey-policy), so a session that
 * carries a passkey was signed in with a PIN or biometric check.
 *
 * Why device-bound: a synced passkey lives in a cloud account (iCloud Keychain, Google Password
 * Manager) and can be copied to every device that account reaches, so whoever takes over that cloud
 * account holds the admin's key too. A device-bound passkey cannot leave its authenticator.
 */

export type AdminPolicyOptions = Pick<AdminConfig, "requireDeviceBound" | "allowedAaguids">;

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

type PasskeyFacts = Pick<
  typeof passkey.$inferSelect,
  "id" | "name" | "deviceType" | "backedUp" | "aaguid" | "transports"
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
  const { requireDeviceBound, allowedAaguids } = serverConfig().admin;
  return { requireDeviceBound, allowedAaguids };
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

/** The decision itself, from facts already read: no I/O, so every rule is easy to test. */
export function decideAdminAccess(facts: AdminFacts, options: AdminPolicyOptions): AdminAccess {
  if (facts.role !== "admin") return { allowed: false, reason: "not-admin" };

  const approved = (credential: PasskeyFacts) =>
    options.allowedAaguids.length === 0 ||
    options.allowedAaguids.includes(credential.aaguid?.toLowerCase() ?? "");
  const qualifies = (credential: PasskeyFacts) =>
    (!options.requireDeviceBound || isDeviceBound(credential)) && approved(credential);

  const used = facts.passkeys.find((credential) => credential.id === facts.sessionPasskeyId);
  if (used && qualifies(used)) return { allowed: true, passkeyName: nameOf(used) };

  const qualifying = facts.passkeys.filter(qualifies).map(nameOf);
  const kind = options.requireDeviceBound ? "device-bound passkey" : "passkey";
  const example = options.requireDeviceBound ? ", such as a security key," : ",";
  const approvedOnly = options.allowedAaguids.length > 0 ? " from an authenticator approved for admins" : "";

  if (qualifying.length === 0) {
    return {
      allowed: false,
      reason: "add-passkey",
      explanation: explainMissing(facts.passkeys, options, approved),
      remedy: `Add a ${kind}${approvedOnly}${example} then sign out and sign in with it.`,
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

function explainMissing(
  passkeys: PasskeyFacts[],
  options: AdminPolicyOptions,
  approved: (credential: PasskeyFacts) => boolean,
): string {
  if (passkeys.length === 0) return "The admin area needs a passkey, and you have none yet.";
  if (options.requireDeviceBound && !passkeys.some(isDeviceBound)) {
    return "You only have synced passkeys (iCloud Keychain, Google Password Manager and the like), which can be copied to other devices.";
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
  if (options.requireDeviceBound && !isDeviceBound(used)) {
    return `You signed in with “${nameOf(used)}”, a synced passkey, which can be copied to other devices.`;
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
