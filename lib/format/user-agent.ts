import Bowser from "bowser";

/**
 * "Chrome on macOS" from a User-Agent header, for the sessions and activity pages. The header is
 * whatever the client sent: good for recognising your own devices, never for a security decision.
 */
export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown device";
  const { browser, os } = Bowser.parse(userAgent);
  const browserName = browser.name || "Unknown browser";
  return os.name ? `${browserName} on ${os.name}` : browserName;
}
