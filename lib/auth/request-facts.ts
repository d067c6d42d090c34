import { clientIpAddress } from "@/lib/http/client-ip";
import type { RequestFacts } from "@/lib/security-log/events";

type EndpointContext = { request?: Request; headers?: Headers };

/** Where an auth API call came from, as the security log records it. */
export function requestFacts(ctx: EndpointContext): RequestFacts {
  return {
    ipAddress: ctx.request ? clientIpAddress(ctx.request) : null,
    userAgent: ctx.headers?.get("user-agent") ?? null,
  };
}
