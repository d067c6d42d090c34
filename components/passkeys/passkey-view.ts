/** A passkey as the settings page shows it: the columns of `passkeys` that the list endpoint returns. */
export type PasskeyView = {
  id: string;
  name?: string | null;
  credentialID: string;
  deviceType: string;
  backedUp: boolean;
  transports?: string | null;
  aaguid?: string | null;
  createdAt: Date | string;
  lastUsedAt?: Date | string | null;
  /** The attestation verified to one of the site's trust anchors, vouching for this model. */
  attestationTrusted?: boolean;
  attestedModel?: string | null;
};
