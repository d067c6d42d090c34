import { createHmac, hkdfSync, randomBytes } from "node:crypto";

/**
 * Recovery codes are how a user who lost every passkey gets back in, so each one is as strong
 * as a password. These are the pure primitives: generating, reading back what a user typed,
 * and hashing for storage. Nothing here touches the database or Better Auth.
 */

export const RECOVERY_CODE_COUNT = 10;

// Crockford base32: no i, l, o or u, so a code read aloud or copied by hand has no look-alikes.
const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const CODE_LENGTH = 15;
const GROUP_LENGTH = 5;
const MAX_INPUT_LENGTH = 100;

export const RECOVERY_CODE_ENTROPY_BITS = CODE_LENGTH * Math.log2(ALPHABET.length);

const CANONICAL = /^[0-9a-hjkmnp-tv-z]{15}$/;

function assertCanonical(canonical: string): void {
  // Hashing or showing anything else (say, the grouped form) would silently never match later.
  if (!CANONICAL.test(canonical)) throw new TypeError("Not a canonical recovery code");
}

function randomCode(): string {
  let code = "";
  // 32 divides 256, so keeping the low five bits of a uniform byte gives a uniform symbol:
  // no modulo bias, no rejection sampling needed.
  for (const byte of randomBytes(CODE_LENGTH)) code += ALPHABET[byte & 31];
  return code;
}

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  // A fractional or negative count would never be reached and loop forever.
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError("count must be a whole number ≥ 0");
  // A duplicate is astronomically unlikely at 75 bits, but two equal codes would be one code.
  const codes = new Set<string>();
  while (codes.size < count) codes.add(randomCode());
  return [...codes].map(formatRecoveryCode);
}

export function normalizeRecoveryCode(input: unknown): string | null {
  // Refuse oversized input before any regex or allocation work on it.
  if (typeof input !== "string" || input.length > MAX_INPUT_LENGTH) return null;
  const compact = input.replace(/[\s_-]/g, "");
  // Check for ASCII before lower-casing: toLowerCase maps some non-ASCII letters (the Kelvin
  // sign, for one) onto ASCII ones, which would let odd input through.
  if (!/^[0-9A-Za-z]{15}$/.test(compact)) return null;
  // Crockford's decoding rule: the letters left out of the alphabet read as the digits they resemble.
  const canonical = compact.toLowerCase().replace(/[il]/g, "1").replace(/o/g, "0");
  return CANONICAL.test(canonical) ? canonical : null;
}

export function formatRecoveryCode(canonical: string): string {
  assertCanonical(canonical);
  const groups: string[] = [];
  for (let i = 0; i < CODE_LENGTH; i += GROUP_LENGTH) groups.push(canonical.slice(i, i + GROUP_LENGTH));
  return groups.join("-");
}

/**
 * With 75 bits of entropy per code, a keyed fast hash is enough: guessing is hopeless online
 * and offline alike, so a slow password hash would only cost time on every sign-in. Keying it
 * means a stolen database without the app secret cannot even be brute-forced offline.
 * HKDF derives a key dedicated to this use, kept separate from Better Auth's own use of the
 * secret. Changing the info string invalidates every stored code.
 */
export function recoveryCodeHasher(secret: string): (canonical: string) => string {
  // An empty secret would make the "key" public and the hashes brute-forceable again.
  if (secret.length === 0) throw new TypeError("A non-empty secret is required");
  const key = Buffer.from(hkdfSync("sha256", secret, "", "keyhold recovery codes v1", 32));
  return (canonical) => {
    assertCanonical(canonical);
    return createHmac("sha256", key).update(canonical).digest("base64url");
  };
}
