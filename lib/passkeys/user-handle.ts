/**
 * The WebAuthn user handle of an account: the same for every passkey the account registers, so the
 * browser can tell that they belong together, and so the Signal API can name the account. WebAuthn
 * asks for an opaque value without personal data; Better Auth's user IDs are random strings.
 */
export function webAuthnUserHandle(userId: string): string {
  return Buffer.from(userId, "utf8").toString("base64url");
}
