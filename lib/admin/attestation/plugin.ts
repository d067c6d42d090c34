import { defineRequestState } from "@better-auth/core/context";
import type { PasskeyOptions } from "@better-auth/passkey";
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { eq } from "drizzle-orm";
import { serverConfig } from "@/config/env";
import type { HookContext } from "@/lib/auth/hook-context";
import { db } from "@/lib/db";
import { passkey, user } from "@/lib/db/schema";
import { registeringUser } from "@/lib/passkeys/registration";
import { trustAnchors } from "./trust-anchors";
import { type AttestationFacts, verifyAttestationTrust } from "./verify";

type Registration = NonNullable<PasskeyOptions["registration"]>;

/** The facts verified for this request's registration, with the credential they belong to. */
const verifiedFacts = defineRequestState<{ credentialId: string; facts: AttestationFacts } | null>(
  () => null,
);

/**
 * Wraps the rest of the passkey plugin's `registration` option: once the app's rules have accepted
 * the plugin's verification (lib/passkeys/registration.ts), work out what its attestation
 * proves, for the after hook below to store with the new passkey.
 */
export function withAttestationFacts(registration: Registration): Registration {
  return {
    ...registration,
    async afterVerification(args) {
      const { verification } = args;
      if (verification.verified) {
        const facts = await verifyAttestationTrust(verification.registrationInfo, await trustAnchors());
        await verifiedFacts.set({ credentialId: verification.registrationInfo.credential.id, facts });
      }
      return registration.afterVerification?.(args);
    },
  };
}

const on = (path: string) => (ctx: { path?: string }) => ctx.path === path;

/**
 * Admins' passkeys are registered with attestation requested, and what it proves is stored with the
 * passkey, for the admin policy (lib/admin/policy.ts) and the passkey list. Everyone else's
 * registration keeps the plugin's attestation "none": the browser then tells the site nothing
 * about the authenticator, which is the privacy WebAuthn gives users by default. Part of `admin()`
 * (lib/admin/plugin.ts).
 */
export function adminAttestation() {
  return {
    id: "admin-attestation",
    schema: {
      passkey: {
        fields: {
          attestationFormat: { type: "string", required: false, input: false },
          attestationTrusted: { type: "boolean", required: false, defaultValue: false, input: false },
          attestedAaguid: { type: "string", required: false, input: false },
          attestedModel: { type: "string", required: false, input: false },
          metadataDeviceBound: { type: "boolean", required: false, input: false },
        },
      },
    },
    hooks: {
      after: [
        {
          // The plugin hard-codes attestation "none". Only the options change: the challenge, which
          // the plugin stored and will verify against, is the same.
          matcher: on("/passkey/generate-register-options"),
          handler: createAuthMiddleware(async (ctx) => {
            const options = ctx.context.returned;
            if (!options || typeof options !== "object" || !("challenge" in options)) return;
            if (!(await registersAnAdminGradePasskey(ctx))) return;
            return ctx.json({ ...options, attestation: serverConfig().admin.attestationConveyance });
          }),
        },
        {
          matcher: on("/passkey/verify-registration"),
          handler: createAuthMiddleware(async (ctx) => {
            const verified = await verifiedFacts.get();
            const stored = ctx.context.returned;
            // Only the passkey this request stored: not on a refusal, which may name someone else's.
            if (!verified || !isStoredPasskey(stored, verified.credentialId)) return;
            await db()
              .update(passkey)
              .set(verified.facts)
              .where(eq(passkey.credentialID, verified.credentialId));
            return ctx.json({ ...stored, ...verified.facts });
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}

/** An admin's registration, where the admin policy asks for verified attestation. */
async function registersAnAdminGradePasskey(ctx: HookContext): Promise<boolean> {
  if (serverConfig().admin.passkeyPolicy !== "attested") return false;
  // A signed-in account's role came with its session, read for this request already; a sign-up's
  // account has none yet, so its row is read.
  const session = await getSessionFromCtx(ctx);
  if (session) return (session.user as { role?: unknown }).role === "admin";
  const registering = await registeringUser(ctx);
  if (!registering) return false;
  const [account] = await db().select({ role: user.role }).from(user).where(eq(user.id, registering.id));
  return account?.role === "admin";
}

function isStoredPasskey(returned: unknown, credentialId: string): returned is Record<string, unknown> {
  return (
    typeof returned === "object" &&
    returned !== null &&
    !(returned instanceof Response) &&
    (returned as { credentialID?: unknown }).credentialID === credentialId
  );
}
