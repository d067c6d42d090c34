import { KeyObject, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";

/**
 * A certificate authority of the tests' own, standing in for an authenticator maker's attestation
 * root (Yubico's, say): it issues attestation certificates as FIDO's packed format lays them out
 * (WebAuthn §8.2.1), so that a software authenticator can produce attestation a server verifies
 * exactly as it would a real security key's. Every key is generated in the test; nothing is fixed.
 */

/** The attestation key and certificate chain of one authenticator model, as it ships them (x5c). */
export type AttestationIdentity = {
  /** DER, leaf first: what goes into attStmt.x5c. */
  certificates: Uint8Array[];
  /** Signs the attestation statement. */
  privateKey: KeyObject;
};

export type AttestationCertificateOptions = {
  /**
   * The AAGUID the certificate vouches for, in the id-fido-gen-ce-aaguid extension; null leaves the
   * extension out, as some makers do.
   */
  aaguid: string | null;
  /** Also put the CA's own certificate into x5c, after the leaf. */
  includeRoot?: boolean;
};

const ECDSA_P256 = { name: "ECDSA", namedCurve: "P-256" } as const;
const SIGNING = { name: "ECDSA", hash: "SHA-256" } as const;
/** id-fido-gen-ce-aaguid: FIDO's certificate extension carrying the authenticator model's AAGUID. */
const FIDO_AAGUID_EXTENSION = "1.3.6.1.4.1.45724.1.1.4";
const DAY = 24 * 60 * 60 * 1000;

x509.cryptoProvider.set(webcrypto as Crypto);

export class AttestationCA {
  private constructor(
    readonly name: string,
    private readonly keys: CryptoKeyPair,
    private readonly root: x509.X509Certificate,
  ) {}

  static async create(name = "Test Attestation Root"): Promise<AttestationCA> {
    const keys = await generateKeys();
    const root = await x509.X509CertificateGenerator.createSelfSigned({
      serialNumber: serial(),
      name: `CN=${name}, O=Test Authenticator Maker, C=US`,
      notBefore: new Date(Date.now() - DAY),
      notAfter: new Date(Date.now() + 365 * DAY),
      signingAlgorithm: SIGNING,
      keys,
      extensions: [
        new x509.BasicConstraintsExtension(true, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      ],
    });
    return new AttestationCA(name, keys, root);
  }

  /** The root as an operator would hand it to the server (ADMIN_ATTESTATION_ROOTS). */
  get pem(): string {
    return this.root.toString("pem");
  }

  /** An authenticator model's attestation key, certified by this CA. */
  async issue({ aaguid, includeRoot = false }: AttestationCertificateOptions): Promise<AttestationIdentity> {
    const keys = await generateKeys();
    const extensions: x509.Extension[] = [new x509.BasicConstraintsExtension(false, undefined, true)];
    if (aaguid !== null) {
      // The extension's value is an OCTET STRING holding the 16 AAGUID bytes (FIDO Metadata §3.2.1).
      const bytes = Buffer.from(aaguid.replaceAll("-", ""), "hex");
      extensions.push(
        new x509.Extension(FIDO_AAGUID_EXTENSION, false, Buffer.concat([Buffer.of(0x04, 16), bytes])),
      );
    }
    const leaf = await x509.X509CertificateGenerator.create({
      serialNumber: serial(),
      // packed's requirements for the subject: C, O, OU "Authenticator Attestation", CN.
      subject: "C=US, O=Test Authenticator Maker, OU=Authenticator Attestation, CN=Test Security Key",
      issuer: this.root.subject,
      notBefore: new Date(Date.now() - DAY),
      notAfter: new Date(Date.now() + 365 * DAY),
      signingAlgorithm: SIGNING,
      publicKey: keys.publicKey,
      signingKey: this.keys.privateKey,
      extensions,
    });
    const chain = includeRoot ? [leaf, this.root] : [leaf];
    return {
      certificates: chain.map((certificate) => new Uint8Array(certificate.rawData)),
      privateKey: KeyObject.from(keys.privateKey),
    };
  }
}

function generateKeys(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(ECDSA_P256, true, ["sign", "verify"]) as Promise<CryptoKeyPair>;
}

/** A positive serial number, unique enough for certificates that live as long as one test run. */
function serial(): string {
  return `01${Buffer.from(webcrypto.getRandomValues(new Uint8Array(8))).toString("hex")}`;
}
