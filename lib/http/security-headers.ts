/** A fresh, unguessable value per response, for the CSP and the scripts Next.js renders. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString("base64");
}

export type SecurityHeaderOptions = {
  nonce: string;
  /** The app's public origin is https (BETTER_AUTH_URL). */
  https: boolean;
  /** `next start`: HSTS is sent, and no development allowances are made. */
  production: boolean;
};

/**
 * The Content-Security-Policy of every page. Scripts run only with this response's nonce, which
 * Next.js puts on its own scripts (it reads it from this header on the request), and whatever
 * those load ('strict-dynamic'); the app has no inline scripts of its own. Styles allow inline:
 * React and Next.js write `style` attributes, and a style cannot run code. Development adds
 * 'unsafe-eval', which React's development build needs for its call stacks.
 */
export function contentSecurityPolicy({ nonce, https, production }: SecurityHeaderOptions): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? "" : " 'unsafe-eval'"}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Every header the pages are sent with, the CSP included. */
export function securityHeaders(
  options: SecurityHeaderOptions,
): { "Content-Security-Policy": string } & Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    ...commonHeaders(options),
    // Passkeys for this origin only: no embedded document may ask for one (and nothing here embeds any).
    "Permissions-Policy":
      "publickey-credentials-get=(self), publickey-credentials-create=(self), camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

/**
 * The headers of the auth API's answers, which proxy.ts does not see (it runs for pages only): JSON is
 * never a document, so it needs no nonce and may load nothing, nor be framed, nor be sniffed as
 * anything else.
 */
export function apiSecurityHeaders(options: Omit<SecurityHeaderOptions, "nonce">): Record<string, string> {
  return {
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
    ...commonHeaders(options),
  };
}

/**
 * The headers of an SVG someone else drew (a passkey provider's icon, app/authenticator-icons/). The
 * page shows it as an image, which runs nothing; opened on its own, as a document, it may still run
 * nothing and load nothing, and keeps only its inline styles. Never sniffed as anything else, and
 * never another site's to embed.
 */
export function svgImageSecurityHeaders(
  options: Omit<SecurityHeaderOptions, "nonce">,
): Record<string, string> {
  return {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    "Cross-Origin-Resource-Policy": "same-origin",
    ...commonHeaders(options),
  };
}

function commonHeaders({ https, production }: Omit<SecurityHeaderOptions, "nonce">): Record<string, string> {
  return {
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    // Only where the origin is https, and only from a production server: a browser that has seen it
    // refuses plain http to this host for two years, which would lock out `next dev` on localhost.
    ...(https && production ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
