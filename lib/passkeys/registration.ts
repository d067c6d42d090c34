import { defineRequestState } from "@better-auth/core/context";
import { PASSKEY_ERROR_CODES, type PasskeyOptions } from "@better-auth/passkey";
import { APIError, getSessionFromCtx, isAPIError } from "better-auth/api";
import type { HookContext } from "@/lib/auth/hook-context";
import { isUsableCredentialPublicKey } from "@/lib/passkeys/credential-public-key";
import { checkPasskeyName } from "@/lib/passkeys/passkey-name";
import { SIGN_UP_ERROR_CODES } from "@/lib/sign-up/error-codes";
import { findPendingSignUp, pendingSignUpKey } from "@/lib/sign-up/pending";
import { PASSKEY_POLICY_ERROR_CODES } from "./error-codes";
import { registrationResponseSchema } from "./webauthn-response";

type Registration = NonNullable<PasskeyOptions["registration"]>;
type Verification = Parameters<NonNullable<Registration["afterVerification"]>>[0]["verification"];

/** The result of the plugin's verification of this request's response, once it has one. */
const verifiedRegistration = defineRequestState<Verification | null>(() => null);

/**
 * The `context` query of generate-register-options, for the plugin to store with the challenge:
 * a signed-in user's registration has none; a passkey-first sign-up's carries the mailed token,
 * replaced here by its key, so that the challenge row never holds the token itself.
 */
export async function registrationContext(ctx: HookContext): Promise<{ context?: string }> {
  const session = await getSessionFromCtx(ctx);
  const token = typeof ctx.query?.context === "string" ? ctx.query.context : undefined;
  if (session) {
    // A signed-in user's registration is guarded by step-up (lib/auth/access.ts).
    if (token) throw APIError.from("BAD_REQUEST", SIGN_UP_ERROR_CODES.SIGNED_IN);
    return {};
  }
  return token ? { context: pendingSignUpKey(token) } : {};
}

/**
 * Whose passkey a registration creates, and the person's name: the signed-in user, or the account
 * a pending sign-up will create.
 */
export async function registeringUser(ctx: HookContext): Promise<{ id: string; name: string } | null> {
  const session = await getSessionFromCtx(ctx);
  if (session) return { id: session.user.id, name: session.user.name };
  const key = ctx.query?.context;
  if (typeof key !== "string" || !key) return null;
  const pending = await findPendingSignUp(ctx.context.internalAdapter, key);
  return pending && { id: pending.userId, name: pending.name };
}

/**
 * The body of verify-registration, before the plugin reads it: a response that is not a
 * registration response would reach @simplewebauthn as is, and a bad nickname would be stored.
 * No name is fine (the list shows the authenticator's); a bad one is not.
 */
export function checkRegistrationBody(ctx: HookContext): void {
  if (!registrationResponseSchema.safeParse(ctx.body?.response).success) {
    throw APIError.from("BAD_REQUEST", PASSKEY_POLICY_ERROR_CODES.INVALID_PASSKEY_RESPONSE);
  }
  const name = ctx.body?.name;
  if (name !== undefined && (typeof name !== "string" || (name.trim() && !checkPasskeyName(name).ok))) {
    throw APIError.from("BAD_REQUEST", PASSKEY_POLICY_ERROR_CODES.INVALID_PASSKEY_NAME);
  }
}

/**
 * The plugin's `registration` option: the app's rules, applied to the result of the plugin's own
 * (and only) verification, then `registration`'s afterVerification (the account of a sign-up).
 * The plugin consumed the challenge before verifying, so a refused response cannot be retried, and
 * it passes a refusal thrown here on with its status; nothing is stored unless every rule passes.
 */
export function withRegistrationRules(registration: Registration): Registration {
  return {
    ...registration,
    async afterVerification(args) {
      await verifiedRegistration.set(args.verification);
      checkVerification(args.verification);
      return registration.afterVerification?.(args);
    },
  };
}

/** Refuses whatever a rule cannot confirm from the verification result: none is assumed to hold. */
function checkVerification(verification: Verification): void {
  if (!verification.verified) {
    throw APIError.from("BAD_REQUEST", PASSKEY_POLICY_ERROR_CODES.PASSKEY_NOT_VERIFIED);
  }
  const { credential, userVerified } = verification.registrationInfo;
  if (!isUsableCredentialPublicKey(credential.publicKey)) {
    throw APIError.from("BAD_REQUEST", PASSKEY_POLICY_ERROR_CODES.PASSKEY_NOT_VERIFIED);
  }
  // WebAuthn §7.1 step 15: a passkey is one factor only when the authenticator verified the user.
  if (userVerified !== true) {
    throw APIError.from("BAD_REQUEST", PASSKEY_POLICY_ERROR_CODES.USER_VERIFICATION_REQUIRED);
  }
}

/**
 * What the plugin's own refusals of a registration mean, said as the app says it. Its catch-all
 * answers 500 both when @simplewebauthn rejects the response (afterVerification then never saw a
 * result) and when storing the passkey violates the UNIQUE constraint on passkeys.credential_id:
 * one account per credential (WebAuthn §7.1 step 26), which holds even when two registrations race.
 * A Response, because an after hook cannot change the status of an error it replaces.
 */
export async function explainRegistrationRefusal(ctx: HookContext): Promise<Response | undefined> {
  const refusal = ctx.context.returned;
  if (!isAPIError(refusal)) return;
  const code = refusal.body?.code;
  const verification = await verifiedRegistration.get();
  if (!verification?.verified) {
    if (code === PASSKEY_ERROR_CODES.FAILED_TO_VERIFY_REGISTRATION.code) {
      return answer(400, PASSKEY_POLICY_ERROR_CODES.PASSKEY_NOT_VERIFIED);
    }
    // Without a session, only a sign-up link's live challenge can register anything.
    if (code === PASSKEY_ERROR_CODES.CHALLENGE_NOT_FOUND.code && !(await getSessionFromCtx(ctx))) {
      return answer(401, PASSKEY_ERROR_CODES.SESSION_REQUIRED);
    }
    return;
  }
  if (refusal.statusCode === 500 && (await isRegistered(ctx, verification.registrationInfo.credential.id))) {
    return answer(409, PASSKEY_POLICY_ERROR_CODES.PASSKEY_ALREADY_REGISTERED);
  }
}

function answer(status: number, error: { code: string; message: string }): Response {
  return Response.json(error, { status });
}

async function isRegistered(ctx: HookContext, credentialId: string): Promise<boolean> {
  const stored = await ctx.context.adapter.findOne({
    model: "passkey",
    where: [{ field: "credentialID", value: credentialId }],
  });
  return stored !== null;
}
