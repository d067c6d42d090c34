/** Longer than any path this app links to; also bounds the work done on hostile input. */
const MAX_LENGTH = 2048;
/** Legitimate targets are rarely encoded more than once; deeper nesting is a probe. */
const MAX_DECODE_ROUNDS = 3;
const BASE = new URL("http://keyhold.invalid");

// Browsers silently drop tabs and newlines inside URLs, trim controls and spaces around them, and read "\"
// as "/", which is how "/\t/evil.com" and "/\evil.com" become "//evil.com". A URL a browser serialised is
// always printable ASCII, so non-ASCII (lookalike slashes such as U+2215, Unicode spaces, bidi controls)
// only arrives hand-crafted.
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;

/**
 * Where to send the user after sign-in, taken from an untrusted `?next=` parameter.
 *
 * Only a same-origin path comes back, in canonical form (`/a/../b` becomes `/b`); anything else, including
 * anything merely odd, gives `fallback`. Pure string and URL work, so it runs in the browser and on the
 * server.
 */
export function safeNext(next: string | null | undefined, fallback = "/dashboard"): string {
  // Callers pass query parameters, which may be anything at run time whatever the type says.
  if (typeof next !== "string" || next.length > MAX_LENGTH) return fallback;

  // Proxies, frameworks and our own code may decode the value again before a browser sees it, so every
  // decoding must be a local path too.
  let current = next;
  for (let round = 0; ; round++) {
    if (!isLocalPath(current)) return fallback;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return fallback;
    }
    if (decoded === current) break;
    if (round === MAX_DECODE_ROUNDS) return fallback;
    current = decoded;
  }

  const url = resolve(next);
  return url ? url.pathname + url.search + url.hash : fallback;
}

function isLocalPath(value: string): boolean {
  // One leading "/" rules out schemes ("javascript:", "https:") and bare hosts; two is protocol-relative.
  if (!value.startsWith("/") || value.startsWith("//")) return false;
  if (value.includes("\\") || !PRINTABLE_ASCII.test(value)) return false;
  // The string checks are the policy; the parser has the last word on what a browser would actually do.
  return resolve(value) !== null;
}

function resolve(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  // Dot segments can collapse into a leading "//" ("/..//evil.com"), protocol-relative once returned.
  if (url.origin !== BASE.origin || url.pathname.startsWith("//")) return null;
  return url;
}
