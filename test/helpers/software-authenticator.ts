import { createHash, generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { isoCBOR } from "@simplewebauthn/server/helpers";
import type { AttestationIdentity } from "./attestation-ca";

/**
 * A passkey authenticator in software, for tests that drive the real WebAuthn ceremonies over HTTP.
 *
 * Nothing is mocked: each instance holds a real P-256 key pair, builds authenticator data byte for
 * byte as WebAuthn §6.1 lays it out, and signs assertions with ES256, so a server verifies these
 * responses exactly as it would a browser's. It plays the browser's part too (clientDataJSON, the
 * JSON encoding @simplewebauthn/browser produces), because an HTTP test has no browser.
 *
 * Overrides forge what a real authenticator or browser never would (a foreign origin, a stale
 * challenge, a missing UV flag, a replayed counter) so that tests can prove the server refuses them.
 */

export type AuthenticatorFlags = {
  userPresent?: boolean;
  userVerified?: boolean;
  backupEligible?: boolean;
  backedUp?: boolean;
};

/** The fields WebAuthn §5.8.1 defines; a tamper hook may add others (e.g. `tokenBinding`). */
export type ClientData = {
  type: string;
  challenge: string;
  origin: string;
  crossOrigin: boolean;
  [field: string]: unknown;
};

/**
 * Sees the client data and authenticator data just before they are encoded (and, for an assertion,
 * signed), and may change either in place or replace `authData`. The returned JSON is already
 * plain data a test can edit; this hook is for what is buried in bytes or covered by the signature.
 */
export type TamperHook = (parts: { clientData: ClientData; authData: Uint8Array }) => void;

/**
 * What the authenticator says about itself at registration (WebAuthn §6.5): "none", what browsers
 * send unless the site asks; "self", packed attestation signed with the credential's own key, which
 * proves nothing about the maker; or a maker's attestation key and its certificate chain.
 */
export type AttestationConveyed = "none" | "self" | AttestationIdentity;

export type SoftwareAuthenticatorOptions = {
  /** The page the "browser" claims to be on. Default http://localhost:3000, the app's dev origin. */
  origin?: string;
  /** Default: the origin's hostname, which is also how the app derives its RP ID. */
  rpId?: string;
  /** UUID string. Default all zeros: an authenticator of no known make. */
  aaguid?: string;
  /** Default: user present and verified, not backup eligible (a device-bound passkey). */
  flags?: AuthenticatorFlags;
  /** The counter's starting value. Default 0. Ignored in "always-zero" mode. */
  signCount?: number;
  /** Default: 16 random bytes. */
  credentialId?: Uint8Array;
  /** The user handle of a credential that was not registered through createCredential (seeded). */
  userHandle?: string;
  /**
   * "always-zero" behaves like synced passkeys (iCloud Keychain, Google Password Manager), which
   * report 0 on every use; servers must then skip the clone check. Default "increment".
   */
  counterMode?: "increment" | "always-zero";
  /** Default "none". */
  attestation?: AttestationConveyed;
};

export type RegistrationOverrides = {
  origin?: string;
  rpId?: string;
  /** clientData.type; the server must insist on "webauthn.create". */
  type?: string;
  challenge?: string;
  /** Merged over the authenticator's own flags for this response only. */
  flags?: AuthenticatorFlags;
  tamper?: TamperHook;
};

export type AssertionOverrides = {
  origin?: string;
  rpId?: string;
  /** clientData.type; the server must insist on "webauthn.get". */
  type?: string;
  challenge?: string;
  /** Merged over the authenticator's own flags for this response only. */
  flags?: AuthenticatorFlags;
  /** Written into authenticator data as is; the authenticator's own counter is left alone. */
  signCount?: number;
  /** Flips one bit of the signature after signing. */
  corruptSignature?: boolean;
  /** base64url; `null` omits it. Default: the user.id seen at registration, if any. */
  userHandle?: string | null;
  tamper?: TamperHook;
};

/** The parts of PublicKeyCredentialCreationOptionsJSON an authenticator reads; the full object fits. */
export type CreationOptions = { challenge: string; rp: { id?: string }; user?: { id: string } };
/** The parts of PublicKeyCredentialRequestOptionsJSON an authenticator reads; the full object fits. */
export type RequestOptions = { challenge: string; rpId?: string };

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_BE = 0x08;
const FLAG_BS = 0x10;
const FLAG_AT = 0x40;

const DEFAULT_FLAGS: Required<AuthenticatorFlags> = {
  userPresent: true,
  userVerified: true,
  backupEligible: false,
  backedUp: false,
};

export class SoftwareAuthenticator {
  readonly origin: string;
  readonly rpId: string;
  /** base64url, as the server stores it and as `id`/`rawId` carry it. */
  readonly credentialId: string;
  /** The credential public key as a COSE_Key, the bytes a server stores after registration. */
  readonly publicKey: Uint8Array;
  /** Mutable so a test can wind it back and pose as a cloned authenticator. */
  signCount: number;
  readonly counterMode: "increment" | "always-zero";
  readonly flags: Readonly<Required<AuthenticatorFlags>>;

  readonly #privateKey: KeyObject;
  readonly #credentialIdBytes: Uint8Array;
  readonly #aaguid: Uint8Array;
  readonly #attestation: AttestationConveyed;
  // A discoverable credential remembers its user, and hands the user.id back as userHandle.
  #userHandle: string | undefined;

  constructor(options: SoftwareAuthenticatorOptions = {}) {
    this.origin = options.origin ?? "http://localhost:3000";
    this.rpId = options.rpId ?? new URL(this.origin).hostname;
    this.flags = { ...DEFAULT_FLAGS, ...options.flags };
    this.signCount = options.signCount ?? 0;
    this.counterMode = options.counterMode ?? "increment";
    this.#credentialIdBytes = options.credentialId ?? new Uint8Array(randomBytes(16));
    this.credentialId = base64url(this.#credentialIdBytes);
    this.#aaguid = parseAaguid(options.aaguid ?? "00000000-0000-0000-0000-000000000000");
    this.#userHandle = options.userHandle;
    this.#attestation = options.attestation ?? "none";

    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.#privateKey = privateKey;
    // JWK coordinates are always the full 32 bytes, which COSE requires; no leading-zero trimming.
    const jwk = publicKey.export({ format: "jwk" });
    if (!jwk.x || !jwk.y) throw new Error("P-256 public key exported without coordinates");
    this.publicKey = isoCBOR.encode(
      new Map<number, number | Uint8Array>([
        [1, 2], // kty: EC2
        [3, -7], // alg: ES256
        [-1, 1], // crv: P-256
        [-2, new Uint8Array(Buffer.from(jwk.x, "base64url"))],
        [-3, new Uint8Array(Buffer.from(jwk.y, "base64url"))],
      ]),
    );
  }

  /** What navigator.credentials.create() would give @simplewebauthn/browser's startRegistration(). */
  createCredential(
    options: CreationOptions,
    overrides: RegistrationOverrides = {},
  ): RegistrationResponseJSON {
    if (options.user) this.#userHandle = options.user.id;
    const clientData: ClientData = {
      type: overrides.type ?? "webauthn.create",
      challenge: overrides.challenge ?? options.challenge,
      origin: overrides.origin ?? this.origin,
      crossOrigin: false,
    };
    const parts = {
      clientData,
      authData: concat(
        this.#authDataHeader(
          overrides.rpId ?? options.rp.id ?? this.rpId,
          overrides.flags,
          FLAG_AT,
          this.#counter(),
        ),
        this.#aaguid,
        uint16(this.#credentialIdBytes.length),
        this.#credentialIdBytes,
        this.publicKey,
      ),
    };
    overrides.tamper?.(parts);

    const clientDataJSON = utf8(JSON.stringify(parts.clientData));
    const attestationObject = isoCBOR.encode(
      new Map<string, string | Uint8Array | Map<string, AttestationValue>>([
        ["fmt", this.#attestation === "none" ? "none" : "packed"],
        ["attStmt", this.#attestationStatement(parts.authData, clientDataJSON)],
        ["authData", parts.authData],
      ]),
    );
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: "public-key",
      authenticatorAttachment: "platform",
      clientExtensionResults: {},
      response: {
        clientDataJSON: base64url(clientDataJSON),
        attestationObject: base64url(attestationObject),
        transports: ["internal", "hybrid"],
        publicKeyAlgorithm: -7,
      },
    };
  }

  /** What navigator.credentials.get() would give @simplewebauthn/browser's startAuthentication(). */
  getAssertion(options: RequestOptions, overrides: AssertionOverrides = {}): AuthenticationResponseJSON {
    if (this.counterMode === "increment" && overrides.signCount === undefined) this.signCount += 1;
    const clientData: ClientData = {
      type: overrides.type ?? "webauthn.get",
      challenge: overrides.challenge ?? options.challenge,
      origin: overrides.origin ?? this.origin,
      crossOrigin: false,
    };
    const parts = {
      clientData,
      authData: this.#authDataHeader(
        overrides.rpId ?? options.rpId ?? this.rpId,
        overrides.flags,
        0,
        overrides.signCount ?? this.#counter(),
      ),
    };
    overrides.tamper?.(parts);

    const clientDataJSON = utf8(JSON.stringify(parts.clientData));
    // WebAuthn §6.3.3: sign authData || SHA-256(clientDataJSON). Node emits ECDSA signatures in
    // DER, which is the encoding WebAuthn requires for ES256 (not the raw r||s WebCrypto gives).
    const signature = new Uint8Array(
      sign("sha256", concat(parts.authData, sha256(clientDataJSON)), this.#privateKey),
    );
    if (overrides.corruptSignature) {
      // The last byte is the low end of `s`: the DER stays well-formed, so the server has to reject
      // it by verifying the signature rather than by failing to parse it.
      signature[signature.length - 1] = (signature[signature.length - 1] ?? 0) ^ 0x01;
    }

    const userHandle =
      overrides.userHandle === undefined ? this.#userHandle : (overrides.userHandle ?? undefined);
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: "public-key",
      authenticatorAttachment: "platform",
      clientExtensionResults: {},
      response: {
        clientDataJSON: base64url(clientDataJSON),
        authenticatorData: base64url(parts.authData),
        signature: base64url(signature),
        ...(userHandle === undefined ? {} : { userHandle }),
      },
    };
  }

  /** WebAuthn §8.2: packed signs authData || SHA-256(clientDataJSON), like an assertion. */
  #attestationStatement(authData: Uint8Array, clientDataJSON: Uint8Array): Map<string, AttestationValue> {
    if (this.#attestation === "none") return new Map();
    const signedData = concat(authData, sha256(clientDataJSON));
    if (this.#attestation === "self") {
      return new Map<string, AttestationValue>([
        ["alg", -7],
        ["sig", new Uint8Array(sign("sha256", signedData, this.#privateKey))],
      ]);
    }
    return new Map<string, AttestationValue>([
      ["alg", -7],
      ["sig", new Uint8Array(sign("sha256", signedData, this.#attestation.privateKey))],
      ["x5c", this.#attestation.certificates],
    ]);
  }

  #counter(): number {
    return this.counterMode === "always-zero" ? 0 : this.signCount;
  }

  /** rpIdHash | flags | signCount: the 37 bytes every authenticator data starts with. */
  #authDataHeader(
    rpId: string,
    overrideFlags: AuthenticatorFlags | undefined,
    extraFlags: number,
    counter: number,
  ) {
    const flags = { ...this.flags, ...overrideFlags };
    const flagsByte =
      (flags.userPresent ? FLAG_UP : 0) |
      (flags.userVerified ? FLAG_UV : 0) |
      (flags.backupEligible ? FLAG_BE : 0) |
      (flags.backedUp ? FLAG_BS : 0) |
      extraFlags;
    const counterBytes = new Uint8Array(4);
    new DataView(counterBytes.buffer).setUint32(0, counter, false);
    return concat(sha256(utf8(rpId)), Uint8Array.of(flagsByte), counterBytes);
  }
}

type AttestationValue = number | Uint8Array | Uint8Array[];

function parseAaguid(uuid: string): Uint8Array {
  const hex = uuid.replaceAll("-", "");
  if (!/^[0-9a-fA-F]{32}$/.test(hex)) throw new Error(`AAGUID must be a UUID, got "${uuid}"`);
  return new Uint8Array(Buffer.from(hex, "hex"));
}

function uint16(value: number): Uint8Array {
  const bytes = new Uint8Array(2);
  new DataView(bytes.buffer).setUint16(0, value, false);
  return bytes;
}

function sha256(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash("sha256").update(data).digest());
}

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString("base64url");
}

function concat(...chunks: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(chunks));
}
