/**
 * The shared core of the app's rules for names people give (their own, their passkeys'): text that
 * shows on screen as what it is, on both sides of the wire.
 */
export type VisibleTextCheck =
  | { ok: true; text: string }
  | { ok: false; problem: "missing" | "too_long" | "hidden_characters" };

/**
 * Characters that change how text around them reads without showing themselves: controls
 * (newlines, tabs), format characters (bidirectional overrides and marks, zero-width spaces),
 * line and paragraph separators, and lone surrogates. One name could pass for two, or for another.
 * The two joiners are let through: emoji sequences (👩‍💻) and scripts such as Persian need them.
 */
const HIDDEN_OR_CONTROL = /(?![\u200C\u200D])[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

/**
 * A character that shows something: not a space, not a mark that only modifies its neighbour
 * (combining accents, variation selectors), not one the Unicode standard says to draw as nothing
 * (Default_Ignorable_Code_Point: the Hangul fillers U+115F, U+1160, U+3164, U+FFA0, joiners), and
 * not the braille blank U+2800, a letter-like character that renders as an empty cell.
 */
const VISIBLE = /[^\p{White_Space}\p{M}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Cs}\u2800]/u;

/** `raw` trimmed, if it is a string of 1 to `maxLength` code points with something visible and nothing hidden. */
export function checkVisibleText(raw: unknown, maxLength: number): VisibleTextCheck {
  const text = typeof raw === "string" ? raw.trim() : "";
  if (text.length === 0) return { ok: false, problem: "missing" };
  if ([...text].length > maxLength) return { ok: false, problem: "too_long" };
  if (HIDDEN_OR_CONTROL.test(text) || !VISIBLE.test(text)) return { ok: false, problem: "hidden_characters" };
  return { ok: true, text };
}
