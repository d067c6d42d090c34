import { expect, type Page, test } from "@playwright/test";
import { signUpWithPassword } from "./fixtures/account";
import { contributions } from "./fixtures/features";

/** The app's own pages, then each feature's (e2e/<feature>/contribution.ts). */
const SIGNED_OUT_PAGES = [
  "/",
  "/sign-in",
  "/sign-up",
  "/needs-javascript",
  ...contributions.flatMap((feature) => feature.signedOutPages ?? []),
];
const SIGNED_IN_PAGES = [
  "/dashboard",
  "/settings/security/passkeys",
  ...contributions.flatMap((feature) => feature.signedInPages ?? []),
];

/** Collects every CSP violation the page reports, from before its first script runs. */
async function recordCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (violation: string) => violations.push(violation));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI} on ${location.pathname}`,
      );
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("every page is sent with the security headers, and a fresh nonce each time", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of [...SIGNED_OUT_PAGES, ...SIGNED_OUT_PAGES]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    const scriptSrc = csp.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";

    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{24}'/);
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(scriptSrc).not.toContain("unsafe-eval");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["permissions-policy"]).toContain("publickey-credentials-get=(self)");
    expect(headers["permissions-policy"]).toContain("publickey-credentials-create=(self)");
    // http://localhost: no HSTS, which would pin the browser to https for this host.
    expect(headers["strict-transport-security"]).toBeUndefined();

    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1] as string;
    expect(await response.text()).toContain(`nonce="${nonce}"`);
    nonces.add(nonce);
  }
  expect(nonces.size).toBe(SIGNED_OUT_PAGES.length * 2);
});

test("the redirect of a signed-out visit to a protected page carries the headers too", async ({
  request,
}) => {
  const response = await request.get("/settings/security/passkeys", { maxRedirects: 0 });

  expect(response.status()).toBe(307);
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("no page reports a CSP violation, signed out or in, and their scripts run", async ({ page }) => {
  const violations = await recordCspViolations(page);
  for (const path of SIGNED_OUT_PAGES) await page.goto(path);
  expect(violations).toEqual([]);
  // Signing up through the form proves the page's scripts ran under the policy.
  await signUpWithPassword(page);
  for (const path of SIGNED_IN_PAGES) {
    await page.goto(path);
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  }

  expect(violations).toEqual([]);
});
