import { serverConfig } from "@/config/env";
import { svgImageSecurityHeaders } from "@/lib/http/security-headers";
import { isAaguid } from "@/lib/passkeys/build-provider-list";
import { type IconScheme, providerIcon } from "@/lib/passkeys/provider-icons";

const FILES: Record<string, IconScheme> = { "light.svg": "light", "dark.svg": "dark" };

/**
 * `/authenticator-icons/<aaguid>/light.svg` and `dark.svg`: a passkey provider's own icon, from the
 * committed community list (lib/passkeys/provider-list/). Its URL carries the list's version, so it
 * is cached for good.
 */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ aaguid: string; file: string }> },
) {
  const { aaguid, file } = await params;
  const { appUrl, isProduction } = serverConfig();
  const headers = svgImageSecurityHeaders({ https: appUrl.startsWith("https:"), production: isProduction });
  if (!isAaguid(aaguid)) return new Response("Not an AAGUID", { status: 400, headers });
  const scheme = Object.hasOwn(FILES, file) ? FILES[file] : undefined;
  const svg = scheme && providerIcon(aaguid, scheme);
  if (!svg) return new Response("No such icon", { status: 404, headers });
  return new Response(svg, {
    headers: {
      ...headers,
      "Content-Type": "image/svg+xml",
      "Cache-Control": "public, max-age=31536000, immutable",
    },
  });
}
