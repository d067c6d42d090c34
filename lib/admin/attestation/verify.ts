import type { MetadataStatement, VerifiedRegistrationResponse } from "@simplewebauthn/server";
import { convertCertBufferToPEM, decodeAttestationObject } from "@simplewebauthn/server/helpers";
import type { passkey } from "@/lib/db/schema";
import { describeAuthenticator } from "@/lib/passkeys/authenticators";
import { chainEndsAtAnchor } from "./certificates";
import type { TrustAnchors } from "./trust-anchors";

export type RegistrationInfo = NonNullable<VerifiedRegistrationResponse["registrationInfo"]>;

/** What the server verified of a passkey's attestation, stored with it. */
export type AttestationFacts = Required<
  Pick<
    typeof passkey.$inferInsert,
    "attestationFormat" | "attestationTrusted" | "attestedAaguid" | "attestedModel" | "metadataDeviceBound"
  >
>;

/**
 * Which of an authenticator's claims its attestation proves, given the result of the plugin's one
 * verification. @simplewebauthn has already checked, for "packed" with a certificate chain (x5c),
 * that the leaf certificate signed authenticator data and client data, that it is an attestation
 * certificate (subject, no CA, in its validity period), and that its AAGUID extension, when present,
 * matches the AAGUID in authenticator data. What it cannot know is whom to trust: it runs the chain
 * check only against anchors set in its global SettingsService, and skips it without any. The app
 * leaves those settings alone (an ordinary user's registration never depends on them) and asks the
 * library's chain check here, against the operator's anchors.
 *
 * Trusted, the chain makes the maker vouch for the whole of authenticator data, which it signed:
 * the AAGUID (the model) and the BE/BS flags (device-bound) are no longer the client's word.
 * "none" and self attestation (packed without x5c, signed by the credential's own key) prove
 * nothing about the maker. Only "packed" is considered: it is what security keys send.
 */
export async function verifyAttestationTrust(
  info: RegistrationInfo,
  anchors: TrustAnchors,
): Promise<AttestationFacts> {
  const untrusted: AttestationFacts = {
    attestationFormat: info.fmt,
    attestationTrusted: false,
    attestedAaguid: null,
    attestedModel: null,
    metadataDeviceBound: null,
  };
  if (info.fmt !== "packed") return untrusted;
  const chain = decodeAttestationObject(info.attestationObject).get("attStmt").get("x5c");
  if (!chain?.length) return untrusted;

  const aaguid = info.aaguid.toLowerCase();
  const statement = anchors.statements.get(aaguid);
  const modelRoots = (statement?.attestationRootCertificates ?? []).map((root) =>
    convertCertBufferToPEM(Buffer.from(root, "base64")),
  );
  if (!(await chainEndsAtAnchor(chain, [...anchors.roots, ...modelRoots]))) return untrusted;

  const known = describeAuthenticator({ aaguid });
  return {
    attestationFormat: info.fmt,
    attestationTrusted: true,
    attestedAaguid: aaguid,
    attestedModel: statement?.description ?? (known.known ? known.name : null),
    metadataDeviceBound: statement ? keptInHardware(statement) : null,
  };
}

/** FIDO's key protection types: keys in hardware, a secure element or a TEE cannot be copied out. */
function keptInHardware(statement: MetadataStatement): boolean {
  const protection: string[] = statement.keyProtection;
  return (
    !protection.includes("software") &&
    protection.some((kind) => ["hardware", "secure_element", "tee"].includes(kind))
  );
}
