import { APIError } from "better-auth/api";
import type { HookContext } from "@/lib/auth/hook-context";
import { SIGN_UP_ERROR_CODES } from "./error-codes";
import { findPendingSignUp, type PendingSignUp } from "./pending";

type InternalAdapter = HookContext["context"]["internalAdapter"];

/**
 * The pending sign-up a mailed link can still finish, left in place; otherwise the refusal its
 * holder gets, which says no more than the link itself proves: that it expired or was used
 * (`SIGN_UP_LINK_INVALID`), or that its address, whose mailbox the holder reads, has an account
 * since (`ACCOUNT_EXISTS`).
 */
export async function usablePendingSignUp(adapter: InternalAdapter, key: string): Promise<PendingSignUp> {
  const pending = await findPendingSignUp(adapter, key);
  if (!pending) throw APIError.from("BAD_REQUEST", SIGN_UP_ERROR_CODES.SIGN_UP_LINK_INVALID);
  const existing = await adapter.findUserByEmail(pending.email);
  if (existing?.user.emailVerified) throw APIError.from("CONFLICT", SIGN_UP_ERROR_CODES.ACCOUNT_EXISTS);
  return pending;
}
