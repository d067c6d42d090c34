import { defineErrorCodes } from "@better-auth/core/utils/error-codes";
import type { PasskeyOptions } from "@better-auth/passkey";
import { verifyRegistrationResponse } from "@simplewebauthn/server";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { authenticationResponseSchema, registrationResponseSchema } from "./webauthn-response";

/**
 * What Keyhold asks of every passkey beyond what @better-auth/passkey enforces by itself.
 *
 * The plugin verifies with @simplewebauthn/server but lets any authenticator through without
 * user verification, answers a second registration of one credential (and any malformed
 * registration) with a 500, puts the passkey's nickname in the OS prompt and keeps no last-used
 * time. Each rule below
 * closes one of those gaps through the plugin's own options and Better Auth hooks.
 */

export const PASSKEY_POLICY_ERROR_CODES = defineErrorCodes({
  INVALID_PASSKEY_RESPONSE: "The passkey response is malformed.",
  PASSKEY_NOT_VERIFIED: "This passkey could not be verified. Please try again.",
  USER_VERIFICATION_REQUIRED:
    "Your device did not confirm it was you. Use a passkey with a fingerprint, face or PIN check.",
  PASSKEY_ALREADY_REGISTERED: "This passkey is already registered.",
});

/** The plugin's default name for its signed challenge cookie, which the registration check reads. */
const CHALLENGE_COOKIE = "better-auth-passkey";

type RelyingParty = { rpID: string; origin: string[] };

/** Options for `passkey()`: ask authenticators for what the server will insist on. */
export function passkeyPolicyOptions(): Pick<PasskeyOptions, "authenticatorSelection" | "authentication"> {
  return {
    // A discoverable credential is what makes username-less autofill sign-in possible.
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
    authentication: {
      async afterVerification({ ctx, verification, clientData }) {
        // WebAuthn §7.2 step 17: a passkey is one factor only when the authenticator verified the user.
        if (!verification.authenticationInfo.userVerified) {
          throw APIError.from("UNAUTHORIZED", PASSKEY_POLICY_ERROR_CODES.USER_VERIFICATION_REQUIRED);
        }
        await ctx.context.adapter.update({
          model: "passkey",
          where: [{ field: "credentialID", value: clientData.id }],
          update: { lastUsedAt: new Date() },
        });
      },
    },
  };
}

/** Hooks around the plugin's endpoints, and the `lastUsedAt` column it does not know about. */
export function passkeyPolicy(relyingParty: RelyingParty) {
  return {
    id: "passkey-policy",
    schema: {
      passkey: { fields: { lastUsedAt: { type: "date", required: false } } },
    },
    hooks: {
      before: [
        {
          // The plugin uses `?name=` (the nickname) as WebAuthn user.name, the account label in the
          // OS passkey prompt. Blanking it makes the plugin fall back to the user's email; the
          // nickname still reaches the database through verify-registration's body.
          matcher: (ctx) => ctx.path === "/passkey/generate-register-options",
          handler: createAuthMiddleware(async (ctx) => ({
            context: { query: { ...ctx.query, name: "" } },
          })),
        },
        {
          matcher: (ctx) => ctx.path === "/passkey/verify-registration",
          handler: createAuthMiddleware(async (ctx) => {
            await checkRegistration(ctx, relyingParty);
          }),
        },
        {
          matcher: (ctx) => ctx.path === "/passkey/verify-authentication",
          handler: createAuthMiddleware(async (ctx) => {
            if (!authenticationResponseSchema.safeParse(ctx.body?.response).success) {
              throw APIError.from("BAD_REQUEST", PASSKEY_POLICY_ERROR_CODES.INVALID_PASSKEY_RESPONSE);
            }
          }),
        },
      ],
      after: [
        {
          // One account per credential (WebAuthn §7.1 step 26) is the UNIQUE constraint on
          // passkeys.credential_id: it holds even when two registrations race. The plugin reports
          // its violation as a 500; this answers what it is. A Response, because an after hook
          // cannot change the status of an error it replaces.
          matcher: (ctx) => ctx.path === "/passkey/verify-registration",
          handler: createAuthMiddleware(async (ctx) => {
            const returned = ctx.context.returned;
            if (!isAPIError(returned) || returned.statusCode !== 500) return;
            const credentialId = registrationResponseSchema.safeParse(ctx.body?.response).data?.id;
            if (!credentialId || !(await isRegistered(ctx, credentialId))) return;
            return Response.json(PASSKEY_POLICY_ERROR_CODES.PASSKEY_ALREADY_REGISTERED, { status: 409 });
          }),
        },
        {
          // The plugin hard-codes "preferred"; say "required" so that an authenticator which cannot
          // verify the user is refused by the browser before the user is asked to touch it.
          matcher: (ctx) => ctx.path === "/passkey/generate-authenticate-options",
          handler: createAuthMiddleware(async (ctx) => {
            const options = ctx.context.returned;
            if (options && typeof options === "object" && "challenge" in options) {
              return ctx.json({ ...options, userVerification: "required" });
            }
          }),
        },
      ],
    },
    $ERROR_CODES: PASSKEY_POLICY_ERROR_CODES,
  } satisfies BetterAuthPlugin;
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/**
 * Verifies a registration with @simplewebauthn before the plugin does, so that every refusal is a
 * 400 with a reason rather than the plugin's catch-all 500, and requires user verification, which
 * the plugin does not. A refused response burns its challenge, as the plugin would have. When this
 * passes, the plugin's own verification of the same response passes too and it stores the passkey.
 */
async function checkRegistration(ctx: HookContext, { rpID, origin }: RelyingParty): Promise<void> {
  // Without a session, or without a live registration challenge for this user, the plugin
  // answers with its own error codes.
  const session = await getSessionFromCtx(ctx);
  if (!session) return;
  const response = registrationResponseSchema.safeParse(ctx.body?.response);
  if (!response.success) {
    throw APIError.from("BAD_REQUEST", PASSKEY_POLICY_ERROR_CODES.INVALID_PASSKEY_RESPONSE);
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

  const refuse = async (status: "BAD_REQUEST", error: { code: string; message: string }) => {
    await ctx.context.internalAdapter.consumeVerificationValue(token);
    throw APIError.from(status, error);
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
    return refuse("BAD_REQUEST", PASSKEY_POLICY_ERROR_CODES.PASSKEY_NOT_VERIFIED);
  }
  if (!verification.verified) return refuse("BAD_REQUEST", PASSKEY_POLICY_ERROR_CODES.PASSKEY_NOT_VERIFIED);
  if (!verification.registrationInfo.userVerified) {
    return refuse("BAD_REQUEST", PASSKEY_POLICY_ERROR_CODES.USER_VERIFICATION_REQUIRED);
  }
}

async function isRegistered(ctx: HookContext, credentialId: string): Promise<boolean> {
  const existing = await ctx.context.adapter.findOne({
    model: "passkey",
    where: [{ field: "credentialID", value: credentialId }],
  });
  return existing !== null;
}
