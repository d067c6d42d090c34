import { isDatabaseReachable } from "@/lib/db/availability";
import { MAX_BODY_BYTES, readBodyWithin } from "@/lib/http/body-limit";
import { malformedJson, payloadTooLarge, serviceUnavailable } from "@/lib/http/errors";
import { withSafeRedirectTargets, withSameOriginLocation } from "./redirect-targets";

type Handler = (request: Request) => Promise<Response>;

/**
 * The auth API's front door, around Better Auth's handler: a body over the cap is refused before it
 * is buried in memory (413), a JSON body that does not parse is a 400 rather than whatever the
 * router makes of it, and a server error (or a "not signed in") while the database is unreachable
 * becomes a 503 that says so, with Retry-After, instead of a bare 500 or a false 401.
 */
export function guardAuthApi(handler: Handler): Handler {
  return async (request) => {
    const reading = await readBodyWithin(request);
    if (!reading.ok) return payloadTooLarge(MAX_BODY_BYTES);
    if (reading.body && isJson(request) && !parsesAsJson(reading.body)) return malformedJson();

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
    return withSameOriginLocation(response);
  };
}

function isJson(request: Request): boolean {
  return /^application\/([\w.+-]+\+)?json\b/i.test(request.headers.get("content-type") ?? "");
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
