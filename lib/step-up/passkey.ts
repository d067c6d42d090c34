import { generateAuthenticationOptions, verifyAuthenticationResponse } from "@simplewebauthn/server";
import { APIError } from "better-auth/api";
import { generateRandomString } from "better-auth/crypto";
import * as z from "zod";
import type { HookContext, RelyingParty } from "@/lib/auth/hook-context";
import { STEP_UP_ERROR_CODES } from "@/lib/auth/step-up-errors";
import type { passkey } from "@/lib/db/schema";
import { authenticationResponseSchema } from "@/lib/passkeys/webauthn-response";

/** Signed cookie naming this browser's pending step-up challenge, like the passkey plugin's own. */
const CHALLENGE_COOKIE = "step-up-challenge";
const CHALLENGE_SECONDS = 300;

type StoredPasskey = Pick<
  typeof passkey.$inferSelect,
  "id" | "userId" | "credentialID" | "publicKey" | "counter" | "transports"
>;

const storedChallengeSchema = z.object({
  type: z.literal("step-up"),
  expectedChallenge: z.string(),
  sessionId: z.string(),
});

type SignedIn = { session: { id: string }; user: { id: string } };

/**
 * Assertion options for the signed-in user's own passkeys only, with user verification required.
 * The challenge is kept in the verification table (single use, 5 minutes), tied to this session
 * and to a signed cookie, as the passkey plugin keeps its own.
 */
export async function createStepUpChallenge(ctx: HookContext, signedIn: SignedIn, { rpID }: RelyingParty) {
  const passkeys = await ownPasskeys(ctx, signedIn.user.id);
  if (passkeys.length === 0) throw APIError.from("BAD_REQUEST", STEP_UP_ERROR_CODES.STEP_UP_NO_PASSKEY);
  const options = await generateAuthenticationOptions({
    rpID,
    userVerification: "required",
    allowCredentials: passkeys.map((passkey) => ({
      id: passkey.credentialID,
      transports: passkey.transports?.split(",") as AuthenticatorTransport[] | undefined,
    })),
  });
  const token = generateRandomString(32);
  await ctx.context.internalAdapter.createVerificationValue({
    identifier: `step-up:${token}`,
    value: JSON.stringify({
      type: "step-up",
      expectedChallenge: options.challenge,
      sessionId: signedIn.session.id,
    } satisfies z.infer<typeof storedChallengeSchema>),
    expiresAt: new Date(Date.now() + CHALLENGE_SECONDS * 1000),
  });
  const cookie = ctx.context.createAuthCookie(CHALLENGE_COOKIE, { maxAge: CHALLENGE_SECONDS });
  await ctx.setSignedCookie(cookie.name, token, ctx.context.secret, cookie.attributes);
  return options;
}

/**
 * Verifies an assertion with @simplewebauthn/server against this session's challenge (spent
 * whatever the outcome) and one of this user's passkeys: user verification required, and the
 * signature counter must move forward, except for synced passkeys that always report 0.
 * Returns the passkey that was used.
 */
export async function verifyStepUpAssertion(
  ctx: HookContext,
  signedIn: SignedIn,
  { rpID, origin }: RelyingParty,
): Promise<StoredPasskey> {
  const response = authenticationResponseSchema.safeParse(ctx.body?.response);
  const cookie = ctx.context.createAuthCookie(CHALLENGE_COOKIE);
  const token = await ctx.getSignedCookie(cookie.name, ctx.context.secret);
  const stored = token
    ? await ctx.context.internalAdapter.consumeVerificationValue(`step-up:${token}`)
    : null;
  const challenge = stored ? storedChallengeSchema.safeParse(safeJson(stored.value)).data : undefined;
  if (!challenge || challenge.sessionId !== signedIn.session.id) {
    throw APIError.from("BAD_REQUEST", STEP_UP_ERROR_CODES.STEP_UP_CHALLENGE_NOT_FOUND);
  }
  const refused = () => APIError.from("BAD_REQUEST", STEP_UP_ERROR_CODES.STEP_UP_PASSKEY_NOT_VERIFIED);
  if (!response.success) throw refused();
  // Another account's passkey cannot vouch for this one, even with a valid signature.
  const passkey = await ctx.context.adapter.findOne<StoredPasskey>({
    model: "passkey",
    where: [
      { field: "credentialID", value: response.data.id },
      { field: "userId", value: signedIn.user.id },
    ],
  });
  if (!passkey) throw refused();

  let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verification = await verifyAuthenticationResponse({
      // The schema checked the shape; the library checks everything else.
      response: response.data as unknown as Parameters<typeof verifyAuthenticationResponse>[0]["response"],
      expectedChallenge: challenge.expectedChallenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: passkey.credentialID,
        publicKey: new Uint8Array(Buffer.from(passkey.publicKey, "base64")),
        counter: passkey.counter,
      },
      requireUserVerification: true,
    });
  } catch (error) {
    ctx.context.logger.warn("Refused a step-up assertion", error);
    throw refused();
  }
  if (!verification.verified) throw refused();
  await ctx.context.adapter.update({
    model: "passkey",
    where: [{ field: "id", value: passkey.id }],
    update: { counter: verification.authenticationInfo.newCounter, lastUsedAt: new Date() },
  });
  return passkey;
}

function ownPasskeys(ctx: HookContext, userId: string) {
  return ctx.context.adapter.findMany<StoredPasskey>({
    model: "passkey",
    where: [{ field: "userId", value: userId }],
  });
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}
