import { checkVisibleText } from "@/lib/text/visible-text";

export const PERSON_NAME_MAX_LENGTH = 100;

export type PersonNameCheck = { ok: true; name: string } | { ok: false; message: string };

const MESSAGES = {
  missing: "Enter your name.",
  too_long: `Use at most ${PERSON_NAME_MAX_LENGTH} characters for your name.`,
  hidden_characters: "Use only visible characters in your name.",
};

/**
 * The one rule for a person's name, in the sign-up form and on every endpoint that sets one:
 * trimmed, 1 to 100 characters, with something visible and nothing hidden, because it is shown
 * back on pages and, as the account's display name, in the browser's passkey manager, where it
 * must read as what it is.
 */
export function checkPersonName(raw: unknown): PersonNameCheck {
  const check = checkVisibleText(raw, PERSON_NAME_MAX_LENGTH);
  return check.ok ? { ok: true, name: check.text } : { ok: false, message: MESSAGES[check.problem] };
}
