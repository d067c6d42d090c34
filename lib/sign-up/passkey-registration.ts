import { PASSKEY_ERROR_CODES, type PasskeyOptions } from "@better-auth/passkey";
import { APIError, getSessionFromCtx } from "better-auth/api";
import type { HookContext } from "@/lib/auth/hook-context";
import { createSignUpAccount } from "./account";
import { SIGN_UP_ERROR_CODES } from "./error-codes";
import { consumePendingSignUp } from "./pending";
import { usablePendingSignUp } from "./usable-link";

type Registration = NonNullable<PasskeyOptions["registration"]>;

/**
 * The passkey plugin's sessionless registration, for passkey-first sign-up only. A signed-in user
 * still registers through their session (the plugin prefers it, and lib/passkeys keeps
 * it fresh); without one, the registration context must be a pending sign-up (the key of a mailed
 * token, see lib/passkeys), and nothing else can name the user.
 */
export function passkeySignUpRegistration(): Registration {
  return {
    requireSession: false,
    async resolveUser({ ctx, context }) {
      if (!context) throw APIError.from("UNAUTHORIZED", PASSKEY_ERROR_CODES.SESSION_REQUIRED);
      const pending = await usablePendingSignUp(ctx.context.internalAdapter, context);
      // The email is the account label in the OS prompt, as for every other passkey.
      return { id: pending.userId, name: pending.email, displayName: pending.email };
    },
    async afterVerification({ ctx, user, context }) {
      // Without `requireSession` the plugin would also store a passkey for whoever asked for the
      // options, though they have signed out since: a registration is a session's or a link's.
      const session = await getSessionFromCtx(ctx);
      if (!context) {
        if (!session) throw APIError.from("UNAUTHORIZED", PASSKEY_ERROR_CODES.SESSION_REQUIRED);
        return;
      }
      if (session) throw APIError.from("BAD_REQUEST", SIGN_UP_ERROR_CODES.SIGNED_IN);
      await createPasskeySignUpAccount(ctx as HookContext, context, user.id);
      return { userId: user.id };
    },
  };
}

/**
 * Creates the account of a pending sign-up with this passkey, inside the plugin's transaction (the
 * policy refuses a sign-up registration that does not ask for a session, the one case the plugin
 * runs without one): if storing the passkey or the session fails, the account was never there.
 */
async function createPasskeySignUpAccount(ctx: HookContext, key: string, userId: string): Promise<void> {
  if (ctx.body?.createSession !== true) {
    throw APIError.from("BAD_REQUEST", SIGN_UP_ERROR_CODES.SESSION_REQUIRED_FOR_SIGN_UP);
  }
  const adapter = ctx.context.internalAdapter;
  // Single use: of two tabs finishing one link, one gets the pending sign-up.
  const pending = await consumePendingSignUp(adapter, key);
  if (!pending || pending.userId !== userId) {
    throw APIError.from("BAD_REQUEST", SIGN_UP_ERROR_CODES.SIGN_UP_LINK_INVALID);
  }
  await createSignUpAccount(adapter, pending, "passkey");
}
