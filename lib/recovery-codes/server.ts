import { randomUUID } from "node:crypto";
import { getCurrentAdapter, runWithTransaction } from "@better-auth/core/context";
import { defineErrorCodes } from "@better-auth/core/utils/error-codes";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthEndpoint, sessionMiddleware } from "better-auth/api";
import { setSessionCookie } from "better-auth/cookies";
import { eq } from "drizzle-orm";
import * as z from "zod";
import { requestFacts } from "@/lib/auth/request-facts";
import type { PluginSurface } from "@/lib/auth/surface";
import { db } from "@/lib/db";
import { recoveryCode, user as userTable } from "@/lib/db/schema";
import type { PluginEvents } from "@/lib/security-activity/describe";
import { recordSecurityEvent } from "@/lib/security-log/events";
import type { PluginWayBackIn } from "@/lib/sign-in-methods/way-back-in";
import { generateRecoveryCodes, normalizeRecoveryCode, recoveryCodeHasher } from "./codes";
import { RECOVERY_CODE_EVENTS } from "./events";
import { recoveryCodeRoutes } from "./routes";
import { recoveryCodeStatus } from "./status";

export const RECOVERY_CODE_ERROR_CODES = defineErrorCodes({
  INVALID_RECOVERY_CODE: "That email and recovery code don't match an unused code.",
});

/** Recovery codes: ten one-time codes, stored as keyed hashes, that sign a user in without a passkey. */
export function recoveryCodes() {
  return {
    id: "recovery-codes",
    options: {
      surface: {
        "/sign-in/recovery-code": {
          access: "anyone",
          // 75-bit codes: the limits are about cost and noise, not odds, and none is per account,
          // so that a stranger's wrong guesses never keep the owner's right code out (the
          // arithmetic is in SECURITY.md, "Recovery codes: the arithmetic").
          perAddress: { max: 10, windowSeconds: 15 * 60 },
          checksSecret: "per address only",
          logs: ["sign_in", "recovery_code_failed"],
          usedBy: "recovery page",
        },
        "/recovery-codes/generate": {
          access: "stepped-up",
          logs: ["recovery_codes_generated"],
          usedBy: "recovery codes page",
        },
        "/recovery-codes/status": { access: "signed-in", logs: [], usedBy: "recovery codes page" },
        "/recovery-codes/discard": {
          access: "stepped-up",
          logs: ["recovery_codes_discarded"],
          usedBy: "recovery codes setup",
        },
        "/recovery-codes/decline": {
          access: "signed-in",
          logs: ["recovery_codes_declined"],
          usedBy: "recovery codes page",
        },
      },
      events: RECOVERY_CODE_EVENTS,
      // The way back in that going passwordless and removing the last passkey count on.
      wayBackIn: {
        name: "a recovery code",
        stateOf: async (userId) => {
          const { remaining, declinedAt } = await recoveryCodeStatus(userId);
          return { usesLeft: remaining, declined: declinedAt !== null };
        },
        signInPath: recoveryCodeRoutes.signIn,
      },
    } satisfies PluginSurface & PluginEvents & PluginWayBackIn,
    // Declared so that redemption can spend a code through Better Auth's adapter, inside the same
    // transaction as the session it creates. The table itself is defined in lib/db/schema.ts.
    schema: {
      recoveryCode: {
        fields: {
          userId: { type: "string", required: true, references: { model: "user", field: "id" } },
          codeHash: { type: "string", required: true },
          usedAt: { type: "date", required: false },
          createdAt: { type: "date", required: true },
        },
      },
    },
    endpoints: {
      generateRecoveryCodes: createAuthEndpoint(
        "/recovery-codes/generate",
        { method: "POST", use: [sessionMiddleware] },
        async (ctx) => {
          const userId = ctx.context.session.user.id;
          const codes = generateRecoveryCodes();
          const hash = recoveryCodeHasher(ctx.context.secret);
          const generatedAt = new Date();
          // A new set replaces the old one entirely, or not at all.
          await db().transaction(async (tx) => {
            await tx.delete(recoveryCode).where(eq(recoveryCode.userId, userId));
            await tx.insert(recoveryCode).values(
              codes.map((code) => ({
                id: randomUUID(),
                userId,
                codeHash: hash(normalizeRecoveryCode(code) as string),
                createdAt: generatedAt,
              })),
            );
          });
          await recordSecurityEvent({ type: "recovery_codes_generated", userId, request: requestFacts(ctx) });
          // The only time the codes exist in plain text: never store or log this response.
          ctx.setHeader("Cache-Control", "no-store");
          return ctx.json({ codes, generatedAt });
        },
      ),

      recoveryCodeStatus: createAuthEndpoint(
        "/recovery-codes/status",
        { method: "GET", use: [sessionMiddleware] },
        async (ctx) => ctx.json(await recoveryCodeStatus(ctx.context.session.user.id)),
      ),

      // "Skip for now" after a set was made but never saved: no code should exist that nobody kept,
      // nor a count that says the account has a way back in. Unlike declining, the app keeps asking.
      // Stepped-up, as generating is: it takes away the account's recovery path.
      discardRecoveryCodes: createAuthEndpoint(
        "/recovery-codes/discard",
        { method: "POST", use: [sessionMiddleware] },
        async (ctx) => {
          const userId = ctx.context.session.user.id;
          await db().delete(recoveryCode).where(eq(recoveryCode.userId, userId));
          await recordSecurityEvent({ type: "recovery_codes_discarded", userId, request: requestFacts(ctx) });
          return ctx.json({ discarded: true });
        },
      ),

      declineRecoveryCodes: createAuthEndpoint(
        "/recovery-codes/decline",
        { method: "POST", use: [sessionMiddleware] },
        async (ctx) => {
          const userId = ctx.context.session.user.id;
          await db()
            .update(userTable)
            .set({ recoveryCodesDeclinedAt: new Date() })
            .where(eq(userTable.id, userId));
          await recordSecurityEvent({ type: "recovery_codes_declined", userId, request: requestFacts(ctx) });
          return ctx.json({ declined: true });
        },
      ),

      signInRecoveryCode: createAuthEndpoint(
        "/sign-in/recovery-code",
        {
          method: "POST",
          body: z.object({ email: z.string().max(320), code: z.string().max(100) }),
        },
        async (ctx) => {
          const request = requestFacts(ctx);
          const email = ctx.body.email.trim().toLowerCase();
          // Counted already, per address (lib/auth/secret-checks.ts).
          // The same work whether the account exists, the code is well-formed, or neither, so that
          // neither the answer nor its timing says which.
          const canonical = normalizeRecoveryCode(ctx.body.code);
          const found = await ctx.context.internalAdapter.findUserByEmail(email);
          const account = found?.user ?? null;
          const codeHash = recoveryCodeHasher(ctx.context.secret)(canonical ?? "000000000000000");
          // Spending the code and creating the session commit together or not at all: a failure
          // between them (the database going away mid-request) must leave the code unspent.
          const session = await runWithTransaction(ctx.context.adapter, async () => {
            const adapter = await getCurrentAdapter(ctx.context.adapter);
            // Single use under any concurrency: only one UPDATE can see used_at still null.
            const redeemed = await adapter.update<{ id: string }>({
              model: "recoveryCode",
              where: [
                { field: "userId", value: account && canonical ? account.id : "" },
                { field: "codeHash", value: codeHash },
                { field: "usedAt", value: null },
              ],
              update: { usedAt: new Date() },
            });
            if (!account || !redeemed) return null;
            return ctx.context.internalAdapter.createSession(account.id);
          });

          if (!account || !session) {
            await recordSecurityEvent({ type: "recovery_code_failed", userId: account?.id ?? null, request });
            throw APIError.from("UNAUTHORIZED", RECOVERY_CODE_ERROR_CODES.INVALID_RECOVERY_CODE);
          }
          await setSessionCookie(ctx, { session, user: account });
          // The redemption is logged as this sign-in, by lib/security-activity.
          const { remaining } = await recoveryCodeStatus(account.id);
          return ctx.json({ user: account, remaining });
        },
      ),
    },
    $ERROR_CODES: RECOVERY_CODE_ERROR_CODES,
  } satisfies BetterAuthPlugin;
}
