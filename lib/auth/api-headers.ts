import { serverConfig } from "@/config/env";
import { apiSecurityHeaders } from "@/lib/http/security-headers";

/**
 * An auth API answer with the API's security headers, set here because proxy.ts skips the API: its
 * nonce and page headers cost a pass through the proxy on every ceremony step for nothing a JSON
 * answer uses. A copy, since a Response's headers may be read-only.
 */
export function withApiSecurityHeaders(response: Response): Response {
  const { appUrl, isProduction } = serverConfig();
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(
    apiSecurityHeaders({ https: appUrl.startsWith("https:"), production: isProduction }),
  )) {
    headers.set(name, value);
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
