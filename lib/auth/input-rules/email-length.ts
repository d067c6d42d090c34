/**
 * The longest address mail can be delivered to (RFC 5321: a 256-octet path, less its angle
 * brackets). Anything longer is refused before it is looked up, counted or stored: it names no
 * mailbox, and a few thousand characters of it overflowed a database index.
 */
export const MAX_EMAIL_LENGTH = 254;

/** The body fields of Better Auth's and the app's own endpoints that carry an email address. */
const EMAIL_FIELDS = ["email", "newEmail"] as const;

export function hasOverlongEmail(body: unknown): boolean {
  if (body === null || typeof body !== "object") return false;
  return EMAIL_FIELDS.some((field) => {
    const value: unknown = (body as Record<string, unknown>)[field];
    return typeof value === "string" && value.length > MAX_EMAIL_LENGTH;
  });
}
