import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { isoCBOR } from "@simplewebauthn/server/helpers";
import fc from "fast-check";
import type { TamperHook } from "./software-authenticator";

/**
 * Ways to spoil a real WebAuthn response, as fast-check arbitraries: a forgery is applied to a
 * response the software authenticator has just built (and, for an assertion, signed) for a live
 * challenge, so that whatever the server refuses, it refuses for the forgery alone.
 */
export type Forgery = {
  label: string;
  /**
   * False for edits to fields a server may ignore (transports, extension results, attachment, an
   * absent user handle): those are fuzzed too, but a valid response stays valid without them.
   */
  mustRefuse: boolean;
  /** Runs inside the authenticator, before encoding and signing. */
  tamper?: TamperHook;
  /** Edits the finished JSON, as a man in the middle or a hostile client would. */
  edit?: (response: Record<string, unknown>) => void;
};

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const fromB64url = (text: string) => new Uint8Array(Buffer.from(text, "base64url"));

/** Strings a base64url field must refuse, or decode to garbage. */
export const garbageString = fc.oneof(
  fc.string({ maxLength: 64, unit: "binary" }),
  fc.constantFrom("", "====", "+/+/", "AAAA=", "%00", "\u0000", "💥💥", "a b", "AQID\n"),
  fc.base64String({ maxLength: 96 }).filter((text) => /[+/=]/.test(text)),
  fc.uint8Array({ maxLength: 256 }).map(b64url),
);

/** Values of the wrong JSON type for a field that should be a string. */
export const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);

const OPTIONAL_FIELDS = new Set([
  "response.transports",
  "clientExtensionResults",
  "authenticatorAttachment",
  "response.userHandle",
]);

/**
 * `unsigned`: fields whose bytes nothing signs, so a flipped byte may leave a valid response. A
 * registration with attestation "none" is such a case: its AAGUID, counter and backup flags are
 * whatever the client says, and an unknown key in its client data is ignored.
 */
function fieldForgeries(paths: string[], unsigned: string[] = []): fc.Arbitrary<Forgery> {
  return fieldEdits(paths).map((forgery) => {
    const field = forgery.label.split(" ").at(-1) ?? "";
    const flipped = forgery.label.startsWith("flip a byte of ");
    return { ...forgery, mustRefuse: !OPTIONAL_FIELDS.has(field) && !(flipped && unsigned.includes(field)) };
  });
}

function fieldEdits(paths: string[]): fc.Arbitrary<Omit<Forgery, "mustRefuse">> {
  const path = fc.constantFrom(...paths);
  // Truncating or flipping bytes applies to the base64url strings, not to the `response` object.
  const stringPath = fc.constantFrom(...paths.filter((at) => at !== "response"));
  return fc.oneof(
    fc.tuple(path, fc.oneof(garbageString, wrongType)).map(
      ([at, value]): Omit<Forgery, "mustRefuse"> => ({
        label: `replace ${at}`,
        edit: (response) => setAt(response, at, value),
      }),
    ),
    path.map(
      (at): Omit<Forgery, "mustRefuse"> => ({
        label: `delete ${at}`,
        edit: (response) => setAt(response, at, undefined),
      }),
    ),
    fc.tuple(stringPath, fc.double({ min: 0, max: 0.99, noNaN: true })).map(
      ([at, keep]): Omit<Forgery, "mustRefuse"> => ({
        label: `truncate ${at}`,
        edit: (response) => {
          const value = getAt(response, at);
          if (typeof value === "string") setAt(response, at, value.slice(0, Math.floor(value.length * keep)));
        },
      }),
    ),
    fc.tuple(stringPath, fc.nat(), fc.integer({ min: 1, max: 255 })).map(
      ([at, position, mask]): Omit<Forgery, "mustRefuse"> => ({
        label: `flip a byte of ${at}`,
        edit: (response) => {
          const value = getAt(response, at);
          if (typeof value !== "string" || value.length === 0) return;
          const bytes = fromB64url(value);
          if (bytes.length === 0) return;
          // A signature's first two bytes are its DER envelope (SEQUENCE tag and length), which
          // @simplewebauthn skips to read the integers r and s: flipping them changes nothing that is
          // signed, and the same (r, s) still verifies. Every other byte is r, s or their framing.
          const envelope = at === "response.signature" ? Math.min(2, bytes.length - 1) : 0;
          const index = envelope + (position % (bytes.length - envelope));
          bytes[index] = (bytes[index] ?? 0) ^ mask;
          setAt(response, at, b64url(bytes));
        },
      }),
    ),
  );
}

const clientDataForgeries: fc.Arbitrary<Forgery> = fc.oneof(
  // Bigger than any real browser sends; over 128 KiB the body cap refuses it before parsing.
  fc.integer({ min: 5_000, max: 300_000 }).map(
    (size): Forgery => ({
      label: `clientDataJSON of ${size} bytes`,
      mustRefuse: true,
      tamper: ({ clientData }) => {
        clientData.padding = "x".repeat(size);
      },
    }),
  ),
  fc
    .tuple(fc.constantFrom("type", "challenge", "origin", "crossOrigin"), fc.oneof(wrongType, garbageString))
    // `crossOrigin: false` is what a genuine top-level page sends: not a forgery.
    .filter(([field, value]) => !(field === "crossOrigin" && value === false))
    .map(
      ([field, value]): Forgery => ({
        label: `clientData.${field} forged`,
        mustRefuse: true,
        tamper: ({ clientData }) => {
          (clientData as Record<string, unknown>)[field] = value;
        },
      }),
    ),
  fc.string({ maxLength: 40 }).map(
    (text): Forgery => ({
      label: "clientDataJSON not JSON",
      mustRefuse: true,
      edit: (response) => setAt(response, "response.clientDataJSON", b64url(new TextEncoder().encode(text))),
    }),
  ),
);

/** Every authenticator data starts with rpIdHash (32), flags (1), counter (4). */
const AUTH_DATA_HEADER = 37;

const coseKeys: fc.Arbitrary<Uint8Array> = fc.oneof(
  // A well-formed EC2 key that claims the wrong algorithm, curve or type, or has bad coordinates.
  fc
    .record({
      kty: fc.constantFrom(1, 2, 3, 4, -1),
      alg: fc.constantFrom(-7, -8, -35, -257, 0, 999),
      crv: fc.constantFrom(1, 2, 6, 99),
      x: fc.uint8Array({ minLength: 0, maxLength: 48 }),
      y: fc.uint8Array({ minLength: 0, maxLength: 48 }),
    })
    .map(
      ({ kty, alg, crv, x, y }) =>
        isoCBOR.encode(
          new Map<number, number | Uint8Array>([
            [1, kty],
            [3, alg],
            [-1, crv],
            [-2, x],
            [-3, y],
          ]),
        ) as Uint8Array,
    ),
  // Not a map at all, or no CBOR.
  fc.constantFrom(isoCBOR.encode("key") as Uint8Array, isoCBOR.encode([1, 2, 3]) as Uint8Array),
  fc.uint8Array({ maxLength: 80 }),
);

export const registrationForgeries: fc.Arbitrary<Forgery> = fc.oneof(
  fieldForgeries(
    [
      "id",
      "rawId",
      "type",
      "response",
      "response.clientDataJSON",
      "response.attestationObject",
      "response.transports",
      "clientExtensionResults",
      "authenticatorAttachment",
    ],
    ["response.attestationObject", "response.clientDataJSON"],
  ),
  clientDataForgeries,
  fc
    .oneof(
      fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ label: "attestationObject random bytes", bytes })),
      fc
        .record({
          fmt: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()),
          authData: fc.uint8Array({ maxLength: 80 }),
        })
        .map(({ fmt, authData }) => ({
          label: "attestationObject with wrong fmt and authData",
          bytes: isoCBOR.encode(
            new Map<string, unknown>([
              ["fmt", fmt],
              ["attStmt", new Map()],
              ["authData", authData],
            ]) as never,
          ) as Uint8Array,
        })),
    )
    .map(
      ({ label, bytes }): Forgery => ({
        label,
        mustRefuse: true,
        edit: (response) => setAt(response, "response.attestationObject", b64url(bytes)),
      }),
    ),
  fc.double({ min: 0, max: 0.99, noNaN: true }).map(
    (keep): Forgery => ({
      label: "authData truncated inside the CBOR",
      mustRefuse: true,
      tamper: (parts) => {
        parts.authData = parts.authData.slice(0, Math.floor(parts.authData.length * keep));
      },
    }),
  ),
  coseKeys.map(
    (cose): Forgery => ({
      label: "credential public key replaced by a wrong COSE key",
      mustRefuse: true,
      tamper: (parts) => {
        const idLength = ((parts.authData[53] ?? 0) << 8) | (parts.authData[54] ?? 0);
        const keyStart = AUTH_DATA_HEADER + 16 + 2 + idLength;
        parts.authData = new Uint8Array(Buffer.concat([parts.authData.slice(0, keyStart), cose]));
      },
    }),
  ),
);

export const assertionForgeries: fc.Arbitrary<Forgery> = fc.oneof(
  fieldForgeries([
    "id",
    "rawId",
    "type",
    "response",
    "response.clientDataJSON",
    "response.authenticatorData",
    "response.signature",
    "response.userHandle",
    "clientExtensionResults",
  ]),
  clientDataForgeries,
  fc.uint8Array({ maxLength: 120 }).map(
    (bytes): Forgery => ({
      label: "signature random bytes",
      mustRefuse: true,
      edit: (response) => setAt(response, "response.signature", b64url(bytes)),
    }),
  ),
  fc.integer({ min: 0, max: 36 }).map(
    (length): Forgery => ({
      label: "authenticatorData shorter than its header",
      mustRefuse: true,
      tamper: (parts) => {
        parts.authData = parts.authData.slice(0, length);
      },
    }),
  ),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map(
    (extension): Forgery => ({
      label: "authenticatorData with trailing garbage",
      mustRefuse: true,
      tamper: (parts) => {
        parts.authData = new Uint8Array(Buffer.concat([parts.authData, extension]));
      },
    }),
  ),
);

export function applyForgery<T extends RegistrationResponseJSON | AuthenticationResponseJSON>(
  response: T,
  forgery: Forgery,
): unknown {
  const copy = structuredClone(response) as unknown as Record<string, unknown>;
  forgery.edit?.(copy);
  return copy;
}

function getAt(target: Record<string, unknown>, path: string): unknown {
  return path
    .split(".")
    .reduce<unknown>(
      (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
      target,
    );
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  const last = keys.pop() as string;
  const parent = keys.reduce<unknown>(
    (node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined),
    target,
  );
  if (!parent || typeof parent !== "object") return;
  if (value === undefined) delete (parent as Record<string, unknown>)[last];
  else (parent as Record<string, unknown>)[last] = value;
}
