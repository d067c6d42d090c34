export const PASSKEY_NAME_MAX_LENGTH = 64;

export type PasskeyNameCheck = { ok: true; name: string } | { ok: false; message: string };

// Control characters (newlines, tabs, bidi overrides) would let one name look like two, or like another.
const INVISIBLE_OR_CONTROL = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** The one rule for passkey nicknames, on both sides of the wire: trimmed, 1 to 64 characters, all visible. */
export function checkPasskeyName(raw: unknown): PasskeyNameCheck {
  const name = typeof raw === "string" ? raw.trim() : "";
  if (name.length === 0) return { ok: false, message: "Give the passkey a name." };
  if ([...name].length > PASSKEY_NAME_MAX_LENGTH) {
    return { ok: false, message: `Use at most ${PASSKEY_NAME_MAX_LENGTH} characters.` };
  }
  if (INVISIBLE_OR_CONTROL.test(name)) return { ok: false, message: "Use only visible characters." };
  return { ok: true, name };
}
