import { PASSKEY_ERROR_CODES } from "@better-auth/passkey";
import { verifyRegistrationResponse } from "@simplewebauthn/server";
import { APIError, getSessionFromCtx } from "better-auth/api";
import { SIGN_UP_ERROR_CODES } from "@/lib/auth/sign-up/error-codes";
import { findPendingSignUp, pendingSignUpKey } from "@/lib/auth/sign-up/pending";
import { isUsableCredentialPublicKey } from "@/lib/passkeys/credential-public-key";
import { checkPasskeyName } from "@/lib/passkeys/passkey-name";
import { PASSKEY_POLICY_ERROR_CODES, type PolicyError } from "./error-codes";
import type { HookContext, RelyingParty } from "./types";
import { registrationResponseSchema } from "./webauthn-response";

/** The plugin's default name for its signed challenge cookie. */
const CHALLENGE_COOKIE = "better-auth-passkey";

type RegistrationChallenge = {
  token: string;
  type?: string;
  expectedChallenge: string;
  userData?: { id?: string };
  /** The key of a pending sign-up, for a passkey-first sign-up; else null. */
  context?: string | null;
};

/**
 * The `context` query of generate-register-options, for the plugin to store with the challenge:
 * a signed-in user's registration has none; a passkey-first sign-up's carries the mailed token,
 * replaced here by its key, so that the challenge row never holds the token itself.
 */
export async function registrationContext(ctx: HookContext): Promise<{ context?: string }> {
  const session = await getSessionFromCtx(ctx);
  const token = typeof ctx.query?.context === "string" ? ctx.query.context : undefined;
  if (session) {
    // A signed-in user's registration is guarded by step-up (lib/auth/step-up/guarded-endpoints.ts).
    if (token) throw APIError.from("BAD_REQUEST", SIGN_UP_ERROR_CODES.SIGNED_IN);
    return {};
  }
  return token ? { context: pendingSignUpKey(token) } : {};
}

/** Whose passkey a registration creates: the signed-in user's, or the account a pending sign-up will create. */
export async function registeringUserId(ctx: HookContext): Promise<string | null> {
  const session = await getSessionFromCtx(ctx);
  if (session) return session.user.id;
  const key = ctx.query?.context;
  if (typeof key !== "string" || !key) return null;
  return (await findPendingSignUp(ctx.context.internalAdapter, key))?.userId ?? null;
}

async function readChallenge(ctx: HookContext): Promise<RegistrationChallenge | null> {
  const cookie = ctx.context.createAuthCookie(CHALLENGE_COOKIE);
  const token = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (!token) return null;
  const stored = await ctx.context.internalAdapter.findVerificationValue(token);
  if (!stored || stored.expiresAt < new Date()) return null;
  const challenge = { ...JSON.parse(stored.value), token } as RegistrationChallenge;
  return challenge.type === "registration" ? challenge : null;
}

/**
 * The user a registration is for, or a refusal: the signed-in user (who stepped up to get the
 * options), or, without a
 * session, a live pending sign-up that asks for the session the account is created with.
 */
async function expectedUserId(ctx: HookContext, challenge: RegistrationChallenge | null): Promise<string> {
  const session = await getSessionFromCtx(ctx);
  if (session) {
    if (challenge?.context) throw APIError.from("BAD_REQUEST", SIGN_UP_ERROR_CODES.SIGNED_IN);
    return session.user.id;
  }
  const key = challenge?.context;
  if (!key) throw APIError.from("UNAUTHORIZED", PASSKEY_ERROR_CODES.SESSION_REQUIRED);
  const pending = await findPendingSignUp(ctx.context.internalAdapter, key);
  if (!pending) throw APIError.from("BAD_REQUEST", SIGN_UP_ERROR_CODES.SIGN_UP_LINK_INVALID);
  if (ctx.body?.createSession !== true) {
    throw APIError.from("BAD_REQUEST", SIGN_UP_ERROR_CODES.SESSION_REQUIRED_FOR_SIGN_UP);
  }
  return pending.userId;
}

/**
 * Verifies a registration with @simplewebauthn before the plugin does, so that every refusal is a
 * 400 with a reason rather than the plugin's catch-all 500, and requires user verification, which
 * the plugin does not. A refused response burns its challenge, as the plugin would have. When this
 * passes, the plugin's own verification of the same response passes too and it stores the passkey.
 */
export async function checkRegistration(ctx: HookContext, { rpID, origin }: RelyingParty): Promise<void> {
  const challenge = await readChallenge(ctx);
  const userId = await expectedUserId(ctx, challenge);
  const response = registrationResponseSchema.safeParse(ctx.body?.response);
  if (!response.success) {
    throw APIError.from("BAD_REQUEST", PASSKEY_POLICY_ERROR_CODES.INVALID_PASSKEY_RESPONSE);
  }
  // No name is fine (the list shows the authenticator's); a bad one is not.
  const name = ctx.body?.name;
  if (name !== undefined && (typeof name !== "string" || (name.trim() && !checkPasskeyName(name).ok))) {
    throw APIError.from("BAD_REQUEST", PASSKEY_POLICY_ERROR_CODES.INVALID_PASSKEY_NAME);
  }
  // Without a live registration challenge for this user, the plugin answers with its own error codes.
  if (!challenge || challenge.userData?.id !== userId) return;

  const refuse = async (error: PolicyError) => {
    await ctx.context.internalAdapter.consumeVerificationValue(challenge.token);
    throw APIError.from("BAD_REQUEST", error);
  };

  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      // The schema checked the shape; the library checks everything else.
      response: response.data as unknown as Parameters<typeof verifyRegistrationResponse>[0]["response"],
      expectedChallenge: challenge.expectedChallenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: false,
    });
  } catch (error) {
    ctx.context.logger.warn("Refused a passkey registration", error);
    return refuse(PASSKEY_POLICY_ERROR_CODES.PASSKEY_NOT_VERIFIED);
  }
  if (!verification.verified) return refuse(PASSKEY_POLICY_ERROR_CODES.PASSKEY_NOT_VERIFIED);
  if (!isUsableCredentialPublicKey(verification.registrationInfo.credential.publicKey)) {
    return refuse(PASSKEY_POLICY_ERROR_CODES.PASSKEY_NOT_VERIFIED);
  }
  if (!verification.registrationInfo.userVerified) {
    return refuse(PASSKEY_POLICY_ERROR_CODES.USER_VERIFICATION_REQUIRED);
  }
}
