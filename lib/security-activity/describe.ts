import { isSignInMethod, SIGN_IN_METHOD_WORDS } from "@/lib/sign-in-methods/methods";
import type { SecurityActivityEvent } from "./list";

export type EventDescription = {
  /** A sentence about what happened, as the user would say it. */
  summary: string;
  /** Worth a second look: a refused attempt, or a sign-in from a device not seen before. */
  attention: boolean;
  /** A short label shown next to the sentence, e.g. "New device". */
  badge?: string;
};

type Details = {
  method?: string;
  deviceType?: string;
  name?: string | null;
  previousName?: string | null;
  remaining?: number;
  newDevice?: boolean;
  count?: number;
};

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function passkeyKind(details: Details): string {
  return details.deviceType === "multiDevice" ? "synced" : "device-bound";
}

function quoted(name: string | null | undefined): string {
  return name ? `"${name}"` : "without a name";
}

/**
 * A method this code does not know (a row from another version, or written by hand) is named as no
 * method at all: "your password" would tell the owner a password was used when it may not have been.
 */
function signIn({ method, ...details }: Details): string {
  if (method === "passkey") return `Signed in with a ${passkeyKind(details)} passkey`;
  if (method === "recovery_code" && details.remaining !== undefined) {
    return `Signed in with a recovery code (${plural(details.remaining, "code", "codes")} left)`;
  }
  return isSignInMethod(method) ? `Signed in with ${SIGN_IN_METHOD_WORDS[method].usedWith}` : "Signed in";
}

function failedSignIn({ method }: Details): string {
  return isSignInMethod(method)
    ? `Failed sign-in attempt with ${SIGN_IN_METHOD_WORDS[method].refusedWith}`
    : "Failed sign-in attempt";
}

function failedStepUp({ method }: Details): string {
  if (method === "passkey") return "Failed to confirm it was you with a passkey";
  if (method === "password") return "Failed to confirm it was you with the password";
  return "Failed to confirm it was you";
}

/** What an entry of the security log says to the account's owner. */
export function describeSecurityEvent(
  event: Pick<SecurityActivityEvent, "type" | "details">,
): EventDescription {
  const details = (event.details ?? {}) as Details;
  const plain = (summary: string): EventDescription => ({ summary, attention: false });
  switch (event.type) {
    case "sign_in":
      return details.newDevice
        ? { summary: signIn(details), attention: true, badge: "New device" }
        : plain(signIn(details));
    case "sign_in_failed":
      return { summary: failedSignIn(details), attention: true };
    case "recovery_code_failed":
      return { summary: "Failed sign-in attempt with a recovery code", attention: true };
    case "passkey_added":
      return plain(`Added the ${passkeyKind(details)} passkey ${quoted(details.name)}`);
    case "passkey_renamed":
      return plain(`Renamed the passkey ${quoted(details.previousName)} to ${quoted(details.name)}`);
    case "passkey_removed":
      return plain(`Removed the passkey ${quoted(details.name)}`);
    case "recovery_codes_generated":
      return plain("Generated new recovery codes");
    case "recovery_codes_declined":
      return plain("Chose to go without recovery codes");
    case "session_revoked":
      return plain(
        details.count && details.count > 1
          ? `Signed out ${plural(details.count, "session", "sessions")}`
          : "Signed out a session",
      );
    case "step_up":
      return plain("Confirmed it was you");
    case "step_up_failed":
      return { summary: failedStepUp(details), attention: true };
    case "email_changed":
      return plain("Changed your email address");
    case "account_created":
      return plain("Created your account");
    default:
      return plain(event.type.replaceAll("_", " "));
  }
}
