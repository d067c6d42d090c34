import { defineRequestState, hasRequestState } from "@better-auth/core/context";
import type { PasskeyOptions } from "@better-auth/passkey";
import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { eq } from "drizzle-orm";
import { serverConfig } from "@/config/env";
import { type AdapterFactory, overrideAdapter } from "@/lib/auth/adapter-overrides";
import type { HookContext } from "@/lib/auth/hook-context";
import { db } from "@/lib/db";
import { user } from "@/lib/db/schema";
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
 * proves, for the plugin's write of the new passkey to store with it (withAttestationFactsStored).
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

/**
 * The passkey plugin writes a new passkey itself, after `afterVerification`: the facts verified for
 * that credential in this request are written in the same statement (composed in lib/auth.ts).
 */
export function withAttestationFactsStored(factory: AdapterFactory): AdapterFactory {
  return overrideAdapter(factory, ({ create }) => ({
    create: (async (query: Parameters<typeof create>[0]) => {
      const verified =
        query.model === "passkey" && (await hasRequestState()) ? await verifiedFacts.get() : null;
      if (!verified || query.data.credentialID !== verified.credentialId) return create(query);
      return create({ ...query, data: { ...query.data, ...verified.facts } });
    }) as typeof create,
  }));
}
