import { getIP } from "@better-auth/core/utils/ip";
import { serverConfig } from "@/config/env";

/**
 * An address no connection comes from. Better Auth believes only a single-entry header when no
 * proxy is declared; listing this declares none, but makes it walk the chain from the right.
 */
const NEVER_A_PEER = "0.0.0.0/32";

/**
 * Where the client address comes from, for Better Auth (`advanced.ipAddress`: rate-limit keys,
 * session rows) and for everything else (`clientIpAddress`): one rule, so a limit and the security
 * log always name the same address.
 *
 * The server appends the socket's address to X-Forwarded-For before Next.js sees the request
 * (lib/http/peer-address.ts), so the rightmost entry is always the real peer. The client is the
 * rightmost entry that is not one of the TRUSTED_PROXIES: with none declared, the peer itself, so
 * a client talking to the app directly cannot pick its address by sending the header; behind
 * declared proxies, the first hop they did not add. Anything a client wrote further left is ignored.
 */
export function ipAddressOptions() {
  return {
    ipAddressHeaders: ["x-forwarded-for"],
    trustedProxies: [...serverConfig().trustedProxies, NEVER_A_PEER],
  };
}

/** The client's address (IPv6 collapsed to its /64), or null when no trustworthy one is known. */
export function clientIpAddress(request: Request | Headers): string | null {
  return getIP(request, { advanced: { ipAddress: ipAddressOptions() } });
}
