import { afterEach, describe, expect, it, vi } from "vitest";

/** The client address for a request whose X-Forwarded-For is `chain`, under TRUSTED_PROXIES. */
async function clientFor(chain: string, trustedProxies: string) {
  vi.resetModules();
  vi.stubEnv("TRUSTED_PROXIES", trustedProxies);
  const { clientIpAddress } = await import("@/lib/http/client-ip");
  return clientIpAddress(new Headers({ "x-forwarded-for": chain }));
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the client address", () => {
  it("is the rightmost hop that is not a trusted proxy", async () => {
    expect(await clientFor("6.6.6.6, 203.0.113.7", "10.0.0.0/8")).toBe("203.0.113.7");
    expect(await clientFor("6.6.6.6, 203.0.113.7, 10.1.2.3, 10.0.0.9", "10.0.0.0/8")).toBe("203.0.113.7");
  });

  it("is the single entry next start copies from the socket when nobody declared a proxy", async () => {
    expect(await clientFor("203.0.113.7", "")).toBe("203.0.113.7");
  });

  // Unknown: null in production, where Better Auth then counts such requests in one shared bucket;
  // under test (and in development) Better Auth substitutes 127.0.0.1. Never an entry of the chain.
  it("is unknown, not the client's pick, for a chain nobody declared a proxy for", async () => {
    expect([null, "127.0.0.1"]).toContain(await clientFor("6.6.6.6, 203.0.113.7", ""));
  });

  it("is unknown when every hop is a trusted proxy, or a hop is not an address", async () => {
    expect([null, "127.0.0.1"]).toContain(await clientFor("10.0.0.1, 10.0.0.2", "10.0.0.0/8"));
    expect([null, "127.0.0.1"]).toContain(await clientFor("203.0.113.7, not-an-ip", "10.0.0.0/8"));
  });

  it("collapses IPv6 to its /64, so one host cannot rotate through its own addresses", async () => {
    expect(await clientFor("2001:db8:1:2:aaaa::1", "")).toBe(await clientFor("2001:db8:1:2:bbbb::2", ""));
  });
});
