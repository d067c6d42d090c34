import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders } from "@/lib/http/security-headers";

const directive = (csp: string, name: string) =>
  csp
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `));

describe("the security headers", () => {
  it("send HSTS only from a production server on https", () => {
    const nonce = createNonce();
    expect(securityHeaders({ nonce, https: true, production: true })["Strict-Transport-Security"]).toBe(
      "max-age=63072000; includeSubDomains",
    );
    for (const [https, production] of [
      [false, true],
      [true, false],
      [false, false],
    ] as const) {
      expect(securityHeaders({ nonce, https, production })).not.toHaveProperty("Strict-Transport-Security");
    }
  });

  it("let scripts run only with the nonce, in production without unsafe-inline or unsafe-eval", () => {
    const nonce = createNonce();
    const scripts = directive(contentSecurityPolicy({ nonce, https: true, production: true }), "script-src");

    expect(scripts).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(directive(contentSecurityPolicy({ nonce, https: false, production: false }), "script-src")).toBe(
      `script-src 'self' 'nonce-${nonce}' 'strict-dynamic' 'unsafe-eval'`,
    );
  });

  it("upgrade insecure requests on https only", () => {
    const nonce = createNonce();
    expect(contentSecurityPolicy({ nonce, https: true, production: true })).toContain(
      "upgrade-insecure-requests",
    );
    expect(contentSecurityPolicy({ nonce, https: false, production: true })).not.toContain(
      "upgrade-insecure-requests",
    );
  });

  it("make a fresh 144-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(18);
  });
});
