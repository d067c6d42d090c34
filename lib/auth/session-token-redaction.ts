import { declaresJson } from "@/lib/http/media-type";

/**
 * Better Auth puts the session token in some answers' JSON (`token` after a password sign-in,
 * `session.token` from /get-session and a passkey sign-in). The cookie is HttpOnly so that no script
 * can read the token; a copy in a JSON body would undo that. Every `token` property is removed from
 * the API's JSON answers; server code that needs it calls `auth().api` directly and is unaffected.
 */
export async function withoutSessionTokens(response: Response): Promise<Response> {
  if (!declaresJson(response)) return response;
  const text = await response.text();
  const redacted = text.includes('"token"') ? JSON.stringify(redact(JSON.parse(text))) : text;
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  return new Response(redacted, { status: response.status, statusText: response.statusText, headers });
}

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, inner]) => (key === "token" ? [] : [[key, redact(inner)]])),
  );
}
