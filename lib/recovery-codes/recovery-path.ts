import type { RecoveryCodeStatus } from "./status";

/**
 * How the account gets back in if its passkeys are lost: "ready" with codes to spare, "low" with
 * two or fewer, "declined" when the user chose to go without, "none" when nothing was ever set up.
 */
export type RecoveryPath = "ready" | "low" | "declined" | "none";

/** Two codes or fewer is one lost device away from none: the same threshold the passkeys page warns at. */
export const LOW_RECOVERY_CODES = 2;

export function recoveryPath(status: RecoveryCodeStatus): RecoveryPath {
  if (status.remaining > LOW_RECOVERY_CODES) return "ready";
  if (status.remaining > 0) return "low";
  return status.declinedAt ? "declined" : "none";
}
