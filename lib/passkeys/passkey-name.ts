import { checkVisibleText } from "@/lib/text/visible-text";

export const PASSKEY_NAME_MAX_LENGTH = 64;

export type PasskeyNameCheck = { ok: true; name: string } | { ok: false; message: string };

const MESSAGES = {
  missing: "Give the passkey a name.",
  too_long: `Use at most ${PASSKEY_NAME_MAX_LENGTH} characters.`,
  hidden_characters: "Use only visible characters.",
};

/** The one rule for passkey nicknames, on both sides of the wire: trimmed, 1 to 64 characters, all visible. */
export function checkPasskeyName(raw: unknown): PasskeyNameCheck {
  const check = checkVisibleText(raw, PASSKEY_NAME_MAX_LENGTH);
  return check.ok ? { ok: true, name: check.text } : { ok: false, message: MESSAGES[check.problem] };
}
