import { serverConfig } from "@/config/env";
import { declaresForm, declaresJson } from "@/lib/http/media-type";
import { safeNext } from "@/lib/http/safe-next";

/**
 * Every field in which a request names where Better Auth should send the browser next, in its
 * routes and plugins (grep `dist/` for them when upgrading): some it redirects to at once, others
 * it writes into a mailed link that redirects once opened.
 */
const REDIRECT_TARGET_FIELDS = [
  "callbackURL",
  "errorCallbackURL",
  "newUserCallbackURL",
  "redirectTo",
  "errorURL",
  "newUserURL",
] as const;

/**
 * A redirect target in the form the one guard accepts, `safeNext`'s: a same-origin path, or the
 * guard's fallback. Better Auth's own client sends absolute URLs on the app's origin, which become
 * their path first, so that the path faces the same checks as any other (`http://app//evil` does
 * not pass for being on the app's origin). Other trusted origins are refused too: a redirect never
 * leaves the app.
 */
export function safeRedirectTarget(target: string): string {
  const origin = serverConfig().appUrl;
  const path =
    target === origin ? "/" : target.startsWith(`${origin}/`) ? target.slice(origin.length) : target;
  return safeNext(path);
}

/**
 * The request with every redirect target in its query string and body (JSON or form, the two
 * Better Auth parses) replaced by its safe form, so that no Better Auth route ever sees a hostile
 * one; unchanged, byte for byte, when there was nothing to replace. Better Auth's own check lets
 * dot segments through (`/..//evil.example`), which its query-string helper then turns into a
 * protocol-relative URL.
 */
export async function withSafeRedirectTargets(request: Request): Promise<Request> {
  const url = new URL(request.url);
  const queryChanged = replaceTargets(url.searchParams);
  const body = request.body ? await safeBody(request.clone()) : null;
  if (!queryChanged && body === null) return request;

  const headers = new Headers(request.headers);
  if (body !== null) headers.delete("content-length");
  return new Request(url, {
    method: request.method,
    headers,
    body: body ?? (request.body ? await request.arrayBuffer() : undefined),
    signal: request.signal,
  });
}

/**
 * The response, its Location (if any) checked to stay on the app's origin: the last line of
 * defence, for a redirect built from something other than a request's target field.
 */
export function withSameOriginLocation(response: Response): Response {
  const location = response.headers.get("location");
  if (location === null) return response;
  const safe = safeRedirectTarget(location);
  if (safe === location) return response;
  const headers = new Headers(response.headers);
  headers.set("location", safe);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** The body with safe redirect targets, or null when it has none to replace. */
async function safeBody(request: Request): Promise<string | null> {
  if (declaresForm(request)) {
    const form = new URLSearchParams(await request.text());
    return replaceTargets(form) ? form.toString() : null;
  }
  if (declaresJson(request)) {
    // The front door has already refused JSON that does not parse.
    const json: unknown = JSON.parse(await request.text());
    if (
      json &&
      typeof json === "object" &&
      !Array.isArray(json) &&
      replaceFields(json as Record<string, unknown>)
    ) {
      return JSON.stringify(json);
    }
  }
  return null;
}

function replaceTargets(params: URLSearchParams): boolean {
  let changed = false;
  for (const field of REDIRECT_TARGET_FIELDS) {
    const values = params.getAll(field);
    const safe = values.map(safeRedirectTarget);
    if (safe.every((value, index) => value === values[index])) continue;
    params.delete(field);
    for (const value of safe) params.append(field, value);
    changed = true;
  }
  return changed;
}

/** Only strings are replaced: any other type is Better Auth's schema's to refuse, with a 400. */
function replaceFields(body: Record<string, unknown>): boolean {
  let changed = false;
  for (const field of REDIRECT_TARGET_FIELDS) {
    const value = body[field];
    if (typeof value !== "string") continue;
    const safe = safeRedirectTarget(value);
    if (safe === value) continue;
    body[field] = safe;
    changed = true;
  }
  return changed;
}
