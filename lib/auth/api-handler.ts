import { isDatabaseReachable } from "@/lib/db/availability";
import { MAX_BODY_BYTES, readBodyWithin } from "@/lib/http/body-limit";
import {
  malformedJson,
  notFound,
  payloadTooLarge,
  serviceUnavailable,
  unstorableText,
} from "@/lib/http/errors";
import { declaresJson } from "@/lib/http/media-type";
import { carriesUnstorableText } from "@/lib/http/storable-text";
import { withSafeRedirectTargets, withSameOriginLocation } from "./redirect-targets";
import { withoutSessionTokens } from "./session-token-redaction";
import { type AuthSurface, isServed } from "./surface";

/** Where route.ts mounts Better Auth (its default `basePath`). */
const API_BASE_PATH = "/api/auth";

type Handler = (request: Request) => Promise<Response>;

/**
 * The auth API's front door, around Better Auth's handler: a path that lib/auth/surface.ts does not
 * serve is a 404 before anything else runs (deny by default), a body over the cap is refused before it
 * is buried in memory (413), a JSON body that does not parse is a 400 rather than whatever the
 * router makes of it, text PostgreSQL cannot store is a 400, every redirect target in and every
 * Location out goes through the one redirect guard (lib/auth/redirect-targets.ts), no answer carries
 * a session token to JavaScript, and a server error (or a "not signed in") while the database is
 * unreachable becomes a 503 that says so, with Retry-After, instead of a bare 500 or a false 401.
 */
export function guardAuthApi(surface: () => AuthSurface, handler: Handler): Handler {
  return async (request) => {
    if (!isServed(surface(), endpointPath(request))) return notFound();
    const reading = await readBodyWithin(request);
    if (!reading.ok) return payloadTooLarge(MAX_BODY_BYTES);
    if (reading.body && declaresJson(request) && !parsesAsJson(reading.body)) return malformedJson();
    if (carriesUnstorableText(request, reading.body)) return unstorableText();

    let response: Response;
    try {
      response = await handler(await withSafeRedirectTargets(rebuild(request, reading.body)));
    } catch (error) {
      if (!(await isDatabaseReachable())) return serviceUnavailable();
      throw error;
    }
    // 401 too: Better Auth's session middleware reads a failed session lookup as "no session".
    if ((response.status >= 500 || response.status === 401) && !(await isDatabaseReachable())) {
      return serviceUnavailable();
    }
    return withoutSessionTokens(withSameOriginLocation(response));
  };
}

/** The endpoint a request names, spelled exactly as it arrived: no decoding, no trailing slash. */
function endpointPath(request: Request): string {
  const { pathname } = new URL(request.url);
  return pathname.startsWith(`${API_BASE_PATH}/`) ? pathname.slice(API_BASE_PATH.length) : "";
}

function parsesAsJson(body: Uint8Array): boolean {
  try {
    JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
    return true;
  } catch {
    return false;
  }
}

/** The same request with its body already read into memory, since a stream can be read only once. */
function rebuild(request: Request, body: Uint8Array<ArrayBuffer> | null): Request {
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: body && body.byteLength > 0 ? body : undefined,
    signal: request.signal,
  });
}
