import { getIP } from "@better-auth/core/utils/ip";
import { serverConfig } from "@/lib/env";

/**
 * Where the client address comes from, for Better Auth (`advanced.ipAddress`: rate-limit keys,
 * session rows) and for everything else (`clientIpAddress`): one rule, so a limit and the security
 * log always name the same address.
 *
 * `next start` has no socket address to offer a route handler; it copies the peer's address into
 * X-Forwarded-For only when the request carries none (`??=` in next/dist/server/base-server.js), and
 * otherwise passes the header on untouched. So the header's rightmost entry is the only one anybody
 * vouches for: the peer's address, or whatever the nearest proxy appended. With TRUSTED_PROXIES, the
 * entries those proxies added are skipped from the right, and the first untrusted hop is the client;
 * anything a client wrote further left is ignored. Without it, only a single-entry header is
 * believed, and a chain (a proxy nobody declared) yields no address at all, so Better Auth counts it
 * in one shared bucket rather than in a bucket the client picked. The app must not be reachable
 * except through those proxies: a client talking to `next start` directly chooses its own header.
 */
export function ipAddressOptions() {
  return {
    ipAddressHeaders: ["x-forwarded-for"],
    trustedProxies: serverConfig().trustedProxies,
  };
}

/** The client's address (IPv6 collapsed to its /64), or null when no trustworthy one is known. */
export function clientIpAddress(request: Request | Headers): string | null {
  return getIP(request, { advanced: { ipAddress: ipAddressOptions() } });
}
