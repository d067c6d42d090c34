import { declaresForm } from "./media-type";

/**
 * Text that PostgreSQL can store. A `text` column refuses U+0000 outright ("invalid byte sequence"),
 * and a lone UTF-16 surrogate has no UTF-8 form at all (the driver would quietly store U+FFFD in its
 * place). Neither is ever typed by a person, and a JSON body can carry both as `\u0000` and
 * `\ud800` escapes, so they are refused where untrusted text comes in, before any of it reaches SQL.
 */
export function isStorableText(text: string): boolean {
  return text.isWellFormed() && !text.includes("\u0000");
}

/**
 * Whether a request carries text that is not storable anywhere a handler reads it: its query
 * string, or its body as JSON or as a form (the two kinds the auth API parses). Object keys count,
 * since they name fields and end up in JSON columns.
 */
export function carriesUnstorableText(request: Request, body: Uint8Array | null): boolean {
  const { searchParams } = new URL(request.url);
  if ([...searchParams].some(([key, value]) => !isStorableText(key) || !isStorableText(value))) return true;
  if (!body || body.byteLength === 0) return false;
  const text = new TextDecoder().decode(body);
  if (declaresForm(request))
    return [...new URLSearchParams(text)].some((pair) => pair.some((part) => !isStorableText(part)));
  return !everyStringStorable(parsedJson(text));
}

function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Not JSON: the router refuses it on its own, and no string of it reaches a handler.
    return undefined;
  }
}

/** Walks a parsed JSON value with a stack of its own: a body may nest deeper than the call stack. */
function everyStringStorable(value: unknown): boolean {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === "string") {
      if (!isStorableText(next)) return false;
    } else if (Array.isArray(next)) {
      for (const item of next) pending.push(item);
    } else if (next !== null && typeof next === "object") {
      for (const [key, item] of Object.entries(next)) {
        if (!isStorableText(key)) return false;
        pending.push(item);
      }
    }
  }
  return true;
}
