import { isAPIError } from "better-auth/api";
import type { HookContext } from "@/lib/auth/hook-context";
import { requestFacts } from "@/lib/auth/request-facts";
import { signingPasskey } from "@/lib/auth/signing-passkey";
import type { passkey } from "@/lib/db/schema";
import { isNewDevice } from "@/lib/security-activity/devices";
import { newDeviceNotice, recoveryCodeUsedNotice } from "@/lib/security-activity/notices";
import { recordSecurityEvent, recordSecurityEventWith } from "@/lib/security-log/events";
import { SIGN_IN_PATHS, type SignInMethod } from "@/lib/sign-in-methods/methods";
import { noticeFacts, sendNotice } from "./notify";

/**
 * After a sign-in endpoint: a success is logged as `sign_in` (its session was stamped with the
 * method as it was written: ./plugin.ts); a refused credential is logged as `sign_in_failed`. The
 * response is never changed, so the log tells an attacker nothing the refusal did not.
 */
export async function recordSignInAttempt(ctx: HookContext): Promise<void> {
  const method = ctx.path ? SIGN_IN_PATHS[ctx.path] : undefined;
  if (!method) return;
  if (isAPIError(ctx.context.returned)) {
    await recordFailure(ctx, method, ctx.context.returned.body?.code);
    return;
  }
  const signedIn = ctx.context.newSession;
  if (signedIn) await recordSuccess(ctx, method, signedIn);
}

/** A recovery-code sign-in answers with how many codes the account has left after it. */
function codesLeft(answer: unknown): number | undefined {
  const remaining = (answer as { remaining?: unknown } | null)?.remaining;
  return typeof remaining === "number" ? remaining : undefined;
}

type NewSession = NonNullable<HookContext["context"]["newSession"]>;

async function recordSuccess(ctx: HookContext, method: SignInMethod, { user }: NewSession) {
  const request = requestFacts(ctx);
  const passkey = method === "passkey" ? await passkeyOf(ctx, ctx.body?.response?.id) : null;
  const remaining = method === "recovery_code" ? codesLeft(ctx.context.returned) : undefined;
  // Whether the device is new is decided by the statement that logs the sign-in, against the rows
  // before it (lib/security-activity/devices.ts).
  const { newDevice } = await recordSecurityEventWith(
    {
      type: "sign_in",
      userId: user.id,
      request,
      details: {
        method,
        ...(passkey && {
          passkeyId: passkey.id,
          name: passkey.name ?? null,
          deviceType: passkey.deviceType,
          backedUp: passkey.backedUp,
        }),
        ...(remaining !== undefined && { remaining }),
      },
    },
    { newDevice: isNewDevice(user.id, request.userAgent) },
  );

  // One mail per sign-in: a recovery code is always worth a notice, and it says where from.
  const facts = noticeFacts(user.email, request);
  if (remaining !== undefined) await sendNotice(ctx, recoveryCodeUsedNotice(facts, remaining));
  else if (newDevice) await sendNotice(ctx, newDeviceNotice(facts));
}

/**
 * Only refusals of credentials count: a wrong password for an existing email (or an unknown email,
 * logged without a user, as failed recovery codes are), and a passkey the account has that failed
 * verification. An expired or replayed challenge is not an attempt on anyone's account. Failed
 * recovery codes are logged by their own endpoint.
 */
async function recordFailure(ctx: HookContext, method: SignInMethod, code: unknown) {
  if (method === "password" && code === "INVALID_EMAIL_OR_PASSWORD") {
    const email = typeof ctx.body?.email === "string" ? ctx.body.email.trim().toLowerCase() : "";
    const found = email ? await ctx.context.internalAdapter.findUserByEmail(email) : null;
    await recordSecurityEvent({
      type: "sign_in_failed",
      userId: found?.user.id ?? null,
      request: requestFacts(ctx),
      details: { method },
    });
  }
  if (method === "passkey" && code !== "CHALLENGE_NOT_FOUND") {
    const passkey = await passkeyOf(ctx, ctx.body?.response?.id);
    if (!passkey) return;
    await recordSecurityEvent({
      type: "sign_in_failed",
      userId: passkey.userId,
      request: requestFacts(ctx),
      details: { method, passkeyId: passkey.id },
    });
  }
}

type StoredPasskey = Pick<typeof passkey.$inferSelect, "id" | "userId" | "name" | "deviceType" | "backedUp">;

/** The passkey a sign-in names: as the user-handle check read it (lib/auth/signing-passkey.ts), or now. */
async function passkeyOf(ctx: HookContext, credentialId: unknown): Promise<StoredPasskey | null> {
  if (typeof credentialId !== "string") return null;
  const signing = await signingPasskey();
  if (signing?.credentialID === credentialId) return signing;
  return ctx.context.adapter.findOne<StoredPasskey>({
    model: "passkey",
    where: [{ field: "credentialID", value: credentialId }],
  });
}
