import { createHash, generateKeyPairSync, sign, verify } from "node:crypto";
import { performance } from "node:perf_hooks";
import { verifyAuthenticationResponse } from "@simplewebauthn/server";
import { SoftwareAuthenticator } from "../test/helpers/software-authenticator";

export type Floor = { es256VerifyMicros: number; simpleWebAuthnVerifyMicros: number };

function microsPerCall(iterations: number, call: () => unknown): number {
  for (let i = 0; i < Math.min(200, iterations); i++) call();
  const started = performance.now();
  for (let i = 0; i < iterations; i++) call();
  return ((performance.now() - started) * 1000) / iterations;
}

async function microsPerAsyncCall(iterations: number, call: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(200, iterations); i++) await call();
  const started = performance.now();
  for (let i = 0; i < iterations; i++) await call();
  return ((performance.now() - started) * 1000) / iterations;
}

/**
 * The cost no server can avoid: one ES256 signature check (node:crypto, on a 37-byte authenticator
 * data and a SHA-256 of client data, as WebAuthn signs them), and the whole of
 * @simplewebauthn/server's verifyAuthenticationResponse around it (parsing, origin, RP ID, flags,
 * counter), each on one core with no I/O.
 */
export async function measureFloor(iterations = 3000): Promise<Floor> {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const signed = Buffer.concat([Buffer.alloc(37, 1), createHash("sha256").update("client data").digest()]);
  const signature = sign("sha256", signed, privateKey);
  const es256VerifyMicros = microsPerCall(iterations, () => verify("sha256", signed, publicKey, signature));

  const origin = "http://localhost:4100";
  const authenticator = new SoftwareAuthenticator({ origin, counterMode: "always-zero" });
  const challenge = Buffer.from("a challenge of thirty-two bytes!").toString("base64url");
  const response = authenticator.getAssertion({ challenge, rpId: "localhost" });
  const credential = {
    id: authenticator.credentialId,
    publicKey: new Uint8Array(authenticator.publicKey),
    counter: 0,
  };
  const simpleWebAuthnVerifyMicros = await microsPerAsyncCall(Math.round(iterations / 2), () =>
    verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: origin,
      expectedRPID: "localhost",
      credential,
      requireUserVerification: true,
    }),
  );
  return { es256VerifyMicros, simpleWebAuthnVerifyMicros };
}
