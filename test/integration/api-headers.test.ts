import { describe, expect, it } from "vitest";
import { config as proxyConfig } from "@/proxy";
import { TestBrowser } from "../helpers/browser";

/** Next.js reads the matcher as a path pattern anchored at both ends; these are plain regular expressions. */
const proxyRuns = (path: string) =>
  proxyConfig.matcher.some((pattern) => new RegExp(`^${pattern}$`).test(path));

describe("the auth API's own security headers (lib/auth/api-headers.ts)", () => {
  it("leaves the proxy to the pages", () => {
    expect(proxyRuns("/sign-in")).toBe(true);
    expect(proxyRuns("/settings/security/passkeys")).toBe(true);
    expect(proxyRuns("/api/auth/passkey/generate-authenticate-options")).toBe(false);
  });

  it("sends them with every answer: a success, an unknown path, a malformed body", async () => {
    const browser = new TestBrowser();
    const answers = [
      await browser.fetch("GET", "/passkey/generate-authenticate-options"),
      await browser.fetch("GET", "/no-such-endpoint"),
      await browser.fetch("POST", "/sign-in/email", {
        body: "{not json",
        headers: { "content-type": "application/json" },
      }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 404, 400]);
    for (const answer of answers) {
      expect(answer.headers.get("content-security-policy")).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(answer.headers.get("x-content-type-options")).toBe("nosniff");
      expect(answer.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      // http://localhost: no HSTS, which would pin the browser to https for this host.
      expect(answer.headers.get("strict-transport-security")).toBeNull();
    }
  });
});
