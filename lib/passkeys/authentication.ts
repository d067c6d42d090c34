import { PASSKEY_ERROR_CODES } from "@better-auth/passkey";
import { APIError } from "better-auth/api";
import type { HookContext } from "@/lib/auth/hook-context";
import { rememberSigningPasskey, type SigningPasskey } from "@/lib/auth/signing-passkey";
import { webAuthnUserHandle } from "@/lib/passkeys/user-handle";

type Assertion = { id: string; response: { userHandle?: string } };

/**
 * WebAuthn §7.2 step 6. Sign-in asks for any discoverable passkey (no allowCredentials), so the
 * response must say whose it is, and that must be the credential's owner. The plugin finds the
 * credential by its ID alone and never compares, so a response stitched together from parts of
 * different ones would otherwise pass this step. Refused like any other failed assertion.
 *
 * The passkey is read with its owner, once for the whole request (lib/auth/signing-passkey.ts).
 */
export async function checkUserHandle(ctx: HookContext, assertion: Assertion): Promise<void> {
  const stored = await ctx.context.adapter.findOne<SigningPasskey>({
    model: "passkey",
    where: [{ field: "credentialID", value: assertion.id }],
    join: { user: true },
  });
  // An unknown credential is the plugin's to answer (PASSKEY_NOT_FOUND, which the browser acts on).
  if (!stored) return;
  await rememberSigningPasskey(stored);
  if (assertion.response.userHandle !== webAuthnUserHandle(stored.userId)) {
    throw APIError.from("UNAUTHORIZED", PASSKEY_ERROR_CODES.AUTHENTICATION_FAILED);
  }
}
