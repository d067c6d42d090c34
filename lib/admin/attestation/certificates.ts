import { X509Certificate } from "node:crypto";
import { convertCertBufferToPEM, validateCertificatePath } from "@simplewebauthn/server/helpers";

/**
 * Whether a certificate chain (leaf first, as in an attestation's x5c or an MDS blob's header) ends
 * at one of `anchors` (PEM). @simplewebauthn's validateCertificatePath checks each certificate's
 * signature with the next one's key, then the last one's with an anchor's; but it stops at the first
 * self-signed certificate it meets, taking it for the anchor (13.3.1). A chain that brings its own
 * self-signed root would pass against any anchor, so such a root must itself carry an anchor's key.
 */
export async function chainEndsAtAnchor(chain: Uint8Array[], anchors: string[]): Promise<boolean> {
  // With no anchors, validateCertificatePath skips the check and answers true.
  if (chain.length === 0 || anchors.length === 0) return false;
  try {
    await validateCertificatePath(
      chain.map((der) => convertCertBufferToPEM(new Uint8Array(der))),
      anchors,
    );
  } catch {
    return false;
  }
  const anchorKeys = new Set(anchors.map((pem) => publicKeyOf(new X509Certificate(pem))));
  return chain
    .map((der) => new X509Certificate(der))
    .filter((certificate) => certificate.verify(certificate.publicKey))
    .every((selfSigned) => anchorKeys.has(publicKeyOf(selfSigned)));
}

function publicKeyOf(certificate: X509Certificate): string {
  return certificate.publicKey.export({ type: "spki", format: "der" }).toString("base64");
}
