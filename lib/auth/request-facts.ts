import { getIP } from "better-auth/api";
import type { RequestFacts } from "@/lib/security-events";

type EndpointContext = {
  request?: Request;
  headers?: Headers;
  context: { options: Parameters<typeof getIP>[1] };
};

/** Where an auth API call came from, as the security log records it. */
export function requestFacts(ctx: EndpointContext): RequestFacts {
  return {
    ipAddress: ctx.request ? getIP(ctx.request, ctx.context.options) : null,
    userAgent: ctx.headers?.get("user-agent") ?? null,
  };
}
