import type { AdminConfig } from "@/config/env";

/**
 * Reads the trust anchors at server start, so that a bad file stops the server there (ConfigError)
 * rather than at an admin's first registration, and says what the admin policy leaves open. With
 * no anchor configured there is nothing to read, and @simplewebauthn/server, which reads them, is
 * not loaded at start.
 */
export async function prepareAdminPolicy(config: AdminConfig): Promise<void> {
  if (config.attestationRoots || config.mdsBlob) {
    const { trustAnchors } = await import("./trust-anchors");
    await trustAnchors();
  }
  for (const warning of adminPolicyWarnings(config)) console.warn(warning);
}

export function adminPolicyWarnings(
  config: Pick<AdminConfig, "passkeyPolicy" | "attestationRoots" | "mdsBlob">,
): string[] {
  if (config.passkeyPolicy === "claimed") {
    return [
      "WARNING: ADMIN_PASSKEY_POLICY=claimed: the admin area trusts what an authenticator says about itself. Software can claim to be a device-bound security key, so anyone holding an admin's password, synced passkey or recovery code can become admin. Use ADMIN_PASSKEY_POLICY=attested with ADMIN_ATTESTATION_ROOTS or FIDO_MDS_BLOB.",
    ];
  }
  if (config.passkeyPolicy === "attested" && !config.attestationRoots && !config.mdsBlob) {
    return [
      "Note: no attestation trust anchors (ADMIN_ATTESTATION_ROOTS, FIDO_MDS_BLOB): no passkey can be verified, so nobody can open the admin area.",
    ];
  }
  return [];
}
