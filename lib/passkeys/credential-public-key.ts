import { createPublicKey, type JsonWebKey } from "node:crypto";
import { decodeCredentialPublicKey } from "@simplewebauthn/server/helpers";

// COSE (RFC 9053) labels and values for the key types WebAuthn authenticators use.
const KTY = 1;
const CRV = -1;
const X = -2;
const Y = -3;
const N = -1;
const E = -2;
const EC2_CURVES: Record<number, { name: string; bytes: number }> = {
  1: { name: "P-256", bytes: 32 },
  2: { name: "P-384", bytes: 48 },
  3: { name: "P-521", bytes: 66 },
};

/**
 * Whether a credential public key from a registration is a key at all: a COSE_Key of a known type
 * whose parameters have the right sizes and which the platform's crypto accepts (for EC2, a point
 * on the curve). @simplewebauthn decodes CBOR leniently, so a truncated attestation object can
 * yield a key one byte short that it would store, and that could never verify a signature.
 */
export function isUsableCredentialPublicKey(cose: Uint8Array): boolean {
  try {
    const key = decodeCredentialPublicKey(new Uint8Array(cose)) as unknown as Map<number, unknown>;
    const bytes = (label: number) => {
      const value = key.get(label);
      return value instanceof Uint8Array ? Buffer.from(value).toString("base64url") : undefined;
    };
    let jwk: JsonWebKey;
    switch (key.get(KTY)) {
      case 2: {
        const curve = EC2_CURVES[Number(key.get(CRV))];
        const [x, y] = [key.get(X), key.get(Y)];
        if (!curve || !(x instanceof Uint8Array) || !(y instanceof Uint8Array)) return false;
        if (x.length !== curve.bytes || y.length !== curve.bytes) return false;
        jwk = { kty: "EC", crv: curve.name, x: bytes(X), y: bytes(Y) };
        break;
      }
      case 1: {
        const x = key.get(X);
        if (Number(key.get(CRV)) !== 6 || !(x instanceof Uint8Array) || x.length !== 32) return false;
        jwk = { kty: "OKP", crv: "Ed25519", x: bytes(X) };
        break;
      }
      case 3:
        jwk = { kty: "RSA", n: bytes(N), e: bytes(E) };
        break;
      default:
        return false;
    }
    createPublicKey({ key: jwk, format: "jwk" });
    return true;
  } catch {
    return false;
  }
}
