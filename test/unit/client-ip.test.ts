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

  // The server appends the socket's address (lib/http/peer-address.ts): the rightmost entry is the peer.
  it("is the peer, the rightmost entry, when nobody declared a proxy", async () => {
    expect(await clientFor("203.0.113.7", "")).toBe("203.0.113.7");
    expect(await clientFor("6.6.6.6, 203.0.113.7", "")).toBe("203.0.113.7");
    expect(await clientFor("6.6.6.6, 7.7.7.7, ::ffff:203.0.113.7", "")).toBe("203.0.113.7");
  });

  it("is unknown when every hop is a trusted proxy, or a hop is not an address", async () => {
    expect([null, "127.0.0.1"]).toContain(await clientFor("10.0.0.1, 10.0.0.2", "10.0.0.0/8"));
    expect([null, "127.0.0.1"]).toContain(await clientFor("203.0.113.7, not-an-ip", "10.0.0.0/8"));
  });

  it("collapses IPv6 to its /64, so one host cannot rotate through its own addresses", async () => {
    expect(await clientFor("2001:db8:1:2:aaaa::1", "")).toBe(await clientFor("2001:db8:1:2:bbbb::2", ""));
  });
});
