import type { BetterAuthPlugin } from "better-auth";
import { router } from "better-auth/api";
import { describe, expect, it } from "vitest";
import { auth } from "@/lib/auth";
import { assertRequestIndependent, handlerWithRouterBuiltOnce } from "@/lib/auth/router-built-once";
import { APP_ORIGIN, TestBrowser } from "../helpers/browser";
import { signUpWithPasskey } from "../helpers/passkey-sign-up";

/**
 * Counts how often Better Auth builds its router: each build reads every plugin's `endpoints`
 * (getEndpoints in better-auth/dist/api/index.mjs), and nothing else reads them per request.
 */
function countRouterBuilds(plugin: BetterAuthPlugin): () => number {
  const endpoints = plugin.endpoints;
  let reads = 0;
  Object.defineProperty(plugin, "endpoints", {
    configurable: true,
    get() {
      reads += 1;
      return endpoints;
    },
  });
  return () => reads;
}

function request(path: string, init: RequestInit = {}): Request {
  return new Request(`${APP_ORIGIN}/api/auth${path}`, {
    ...init,
    headers: { origin: APP_ORIGIN, "x-forwarded-for": "10.9.8.7", ...init.headers },
  });
}

describe("Better Auth's router, built once (lib/auth/router-built-once.ts)", () => {
  it("still has the per-request shape this module copies: remove the module when this fails", () => {
    // better-auth 1.7.7's auth.handler, better-auth/dist/auth/base.mjs: a copy of the context per
    // request, then a router built for it (better-auth/better-auth#10188, #10287).
    const source = auth().handler.toString();
    expect(source).toContain(
      "Object.create(Object.getPrototypeOf(ctx), Object.getOwnPropertyDescriptors(ctx))",
    );
    expect(source).toContain("router(handlerCtx, options)");
    expect(source).toContain("runWithAdapter(handlerCtx.adapter, () => handler(request))");
    expect(typeof router).toBe("function");
  });

  it("builds the router once for every request the API answers", async () => {
    const builds = countRouterBuilds(auth().options.plugins?.[0] as BetterAuthPlugin);
    const browser = new TestBrowser();
    await browser.get("/get-session");
    const afterFirst = builds();

    await browser.get("/passkey/generate-authenticate-options");
    await browser.get("/get-session");
    await browser.post("/sign-in/email", { email: "nobody@example.test", password: "not the password" });

    expect(builds()).toBe(afterFirst);
  });

  it("answers as Better Auth's own handler does, signed out and signed in", async () => {
    const { browser } = await signUpWithPasskey();
    const cookie = { cookie: `better-auth.session_token=${browser.cookieValue("session_token")}` };
    const once = handlerWithRouterBuiltOnce(auth());
    const cases: [string, RequestInit][] = [
      ["/ok", {}],
      ["/get-session", {}],
      ["/get-session", { headers: cookie }],
      ["/passkey/list-user-passkeys", { headers: cookie }],
      ["/passkey/list-user-passkeys", {}],
      ["/no-such-endpoint", {}],
      ["/sign-out", { method: "POST", headers: { origin: "https://elsewhere.example", ...cookie } }],
    ];
    for (const [path, init] of cases) {
      const expected = await auth().handler(request(path, init));
      const actual = await once(request(path, init));
      expect({ path, status: actual.status, body: await actual.text() }).toEqual({
        path,
        status: expected.status,
        body: await expected.text(),
      });
    }
  });

  it("refuses options under which the context would depend on the request", () => {
    const fixed = auth().options;
    expect(() => assertRequestIndependent(fixed)).not.toThrow();
    expect(() => assertRequestIndependent({ ...fixed, trustedOrigins: async () => [] })).toThrow();
    expect(() =>
      assertRequestIndependent({ ...fixed, baseURL: { allowedHosts: ["localhost:3000"] } }),
    ).toThrow();
  });
});
