import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthEndpoint, isAPIError, sessionMiddleware } from "better-auth/api";
import { eq } from "drizzle-orm";
import * as z from "zod";
import type { HookContext, RelyingParty } from "@/lib/auth/hook-context";
import { requestFacts } from "@/lib/auth/request-facts";
import { STEP_UP_ERROR_CODES } from "@/lib/auth/step-up-errors";
import type { PluginSurface } from "@/lib/auth/surface";
import { db } from "@/lib/db";
import { session as sessionTable } from "@/lib/db/schema";
import type { PluginEvents } from "@/lib/security-activity/describe";
import { recordSecurityEvent } from "@/lib/security-log/events";
import type { StepUpMethod } from "@/lib/sign-in-methods/methods";
import { passwordHashOf, signInMethodsOf } from "@/lib/sign-in-methods/queries";
import { STEP_UP_EVENTS } from "./events";
import { createStepUpChallenge, verifyStepUpAssertion } from "./passkey";

export { STEP_UP_ERROR_CODES };

type SignedIn = { session: { id: string }; user: { id: string } };

/**
 * Step-up: proving it's you again, in place, before a sensitive change. A passkey assertion or
 * the password stamps the CURRENT session (`sessions.step_up_at`); no new session, no new cookie.
 * lib/auth/step-up-window.ts holds the one rule that sensitive endpoints apply.
 */
export function stepUp(relyingParty: RelyingParty) {
  return {
    id: "step-up",
    options: {
      surface: {
        "/step-up/methods": { access: "signed-in", logs: [], usedBy: "step-up dialog" },
        "/step-up/passkey/options": { access: "signed-in", logs: [], usedBy: "step-up dialog" },
        "/step-up/passkey/verify": {
          access: "signed-in",
          checksSecret: "per account and address",
          logs: ["step_up", "step_up_failed"],
          usedBy: "step-up dialog",
        },
        "/step-up/password": {
          access: "signed-in",
          checksSecret: "per account and address",
          logs: ["step_up", "step_up_failed"],
          usedBy: "step-up dialog",
        },
      },
      events: STEP_UP_EVENTS,
    } satisfies PluginSurface & PluginEvents,
    schema: {
      session: { fields: { stepUpAt: { type: "date", required: false, input: false } } },
    },
    endpoints: {
      stepUpMethods: createAuthEndpoint(
        "/step-up/methods",
        { method: "GET", use: [sessionMiddleware] },
        async (ctx) => {
          const { passkeys, hasPassword } = await signInMethodsOf(ctx.context.session.user.id);
          const methods: Record<StepUpMethod, boolean> = { passkey: passkeys > 0, password: hasPassword };
          return ctx.json(methods);
        },
      ),

      stepUpPasskeyOptions: createAuthEndpoint(
        "/step-up/passkey/options",
        { method: "POST", use: [sessionMiddleware] },
        async (ctx) => {
          ctx.setHeader("Cache-Control", "no-store");
          return ctx.json(await createStepUpChallenge(ctx, ctx.context.session, relyingParty));
        },
      ),

      stepUpPasskey: createAuthEndpoint(
        "/step-up/passkey/verify",
        { method: "POST", body: z.object({ response: z.unknown() }), use: [sessionMiddleware] },
        async (ctx) => {
          const signedIn = ctx.context.session;
          const passkey = await recordingFailure(ctx, signedIn, "passkey", () =>
            verifyStepUpAssertion(ctx, signedIn, relyingParty),
          );
          return ctx.json(await markSteppedUp(ctx, signedIn, { method: "passkey", passkeyId: passkey.id }));
        },
      ),

      stepUpPassword: createAuthEndpoint(
        "/step-up/password",
        {
          method: "POST",
          body: z.object({ password: z.string().min(1).max(256) }),
          use: [sessionMiddleware],
        },
        async (ctx) => {
          const signedIn = ctx.context.session;
          const hash = await passwordHashOf(signedIn.user.id);
          if (!hash) throw APIError.from("BAD_REQUEST", STEP_UP_ERROR_CODES.STEP_UP_NO_PASSWORD);
          await recordingFailure(ctx, signedIn, "password", async () => {
            // Better Auth's own hasher, so the check matches sign-in exactly.
            if (!(await ctx.context.password.verify({ hash, password: ctx.body.password }))) {
              throw APIError.from("UNAUTHORIZED", STEP_UP_ERROR_CODES.STEP_UP_PASSWORD_INCORRECT);
            }
          });
          return ctx.json(await markSteppedUp(ctx, signedIn, { method: "password" }));
        },
      ),
    },
    $ERROR_CODES: STEP_UP_ERROR_CODES,
  } satisfies BetterAuthPlugin;
}

/**
 * A refused check is an attempt on the account: logged, so that its owner sees someone holding a
 * session of theirs trying passwords. An expired challenge is not an attempt, as at sign-in.
 * Attempts are counted in lib/auth/secret-checks.ts.
 */
async function recordingFailure<T>(
  ctx: HookContext,
  signedIn: SignedIn,
  method: StepUpMethod,
  check: () => Promise<T>,
): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (isAPIError(error) && error.body?.code !== STEP_UP_ERROR_CODES.STEP_UP_CHALLENGE_NOT_FOUND.code) {
      await recordSecurityEvent({
        type: "step_up_failed",
        userId: signedIn.user.id,
        request: requestFacts(ctx),
        details: { method },
      });
    }
    throw error;
  }
}

async function markSteppedUp(ctx: HookContext, signedIn: SignedIn, details: Record<string, unknown>) {
  const stepUpAt = new Date();
  await db().update(sessionTable).set({ stepUpAt }).where(eq(sessionTable.id, signedIn.session.id));
  await recordSecurityEvent({
    type: "step_up",
    userId: signedIn.user.id,
    request: requestFacts(ctx),
    details,
  });
  return { stepUpAt };
}
