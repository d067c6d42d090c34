import { verifyRegistrationResponse } from "@simplewebauthn/server";
import { APIError, getSessionFromCtx } from "better-auth/api";
import { isUsableCredentialPublicKey } from "@/lib/passkeys/credential-public-key";
import { checkPasskeyName } from "@/lib/passkeys/passkey-name";
import { PASSKEY_POLICY_ERROR_CODES, type PolicyError } from "./error-codes";
import type { HookContext, RelyingParty } from "./types";
import { registrationResponseSchema } from "./webauthn-response";

/** The plugin's default name for its signed challenge cookie. */
const CHALLENGE_COOKIE = "better-auth-passkey";

/**
 * Verifies a registration with @simplewebauthn before the plugin does, so that every refusal is a
 * 400 with a reason rather than the plugin's catch-all 500, and requires user verification, which
 * the plugin does not. A refused response burns its challenge, as the plugin would have. When this
 * passes, the plugin's own verification of the same response passes too and it stores the passkey.
 */
export async function checkRegistration(ctx: HookContext, { rpID, origin }: RelyingParty): Promise<void> {
  // Without a session, or without a live registration challenge for this user, the plugin
  // answers with its own error codes.
  const session = await getSessionFromCtx(ctx);
  if (!session) return;
  const response = registrationResponseSchema.safeParse(ctx.body?.response);
  if (!response.success) {
    throw APIError.from("BAD_REQUEST", PASSKEY_POLICY_ERROR_CODES.INVALID_PASSKEY_RESPONSE);
  }
  // No name is fine (the list shows the authenticator's); a bad one is not.
  const name = ctx.body?.name;
  if (name !== undefined && (typeof name !== "string" || (name.trim() && !checkPasskeyName(name).ok))) {
    throw APIError.from("BAD_REQUEST", PASSKEY_POLICY_ERROR_CODES.INVALID_PASSKEY_NAME);
  }
  const cookie = ctx.context.createAuthCookie(CHALLENGE_COOKIE);
  const token = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  if (!token) return;
  const stored = await ctx.context.internalAdapter.findVerificationValue(token);
  if (!stored || stored.expiresAt < new Date()) return;
  const challenge = JSON.parse(stored.value) as {
    type?: string;
    expectedChallenge: string;
    userData?: { id?: string };
  };
  if (challenge.type !== "registration" || challenge.userData?.id !== session.user.id) return;

  const refuse = async (error: PolicyError) => {
    await ctx.context.internalAdapter.consumeVerificationValue(token);
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
