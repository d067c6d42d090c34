import * as z from "zod";

// The passkey plugin accepts `response: any` and hands it straight to @simplewebauthn, which throws
// on anything malformed; the plugin reports those throws as 500s. These schemas let a malformed
// body be refused as a 400 first. They check shape and size only: every WebAuthn check is still
// made by @simplewebauthn/server.

const base64url = (maxBytes: number) =>
  z
    .string()
    .min(1)
    .max(Math.ceil((maxBytes * 4) / 3))
    .regex(/^[A-Za-z0-9_-]+$/, "must be base64url");

// WebAuthn caps credential IDs at 1023 bytes; the others are generous for any real authenticator.
const credentialId = base64url(1023);
// The app is never embedded in another site's frame: client data that says it was (crossOrigin
// true, or anything but a boolean) is refused, which @simplewebauthn leaves to the relying party.
const clientDataJSON = base64url(4 * 1024).refine((encoded) => {
  try {
    const crossOrigin = JSON.parse(Buffer.from(encoded, "base64url").toString("utf8"))?.crossOrigin;
    return crossOrigin === undefined || crossOrigin === false;
  } catch {
    return false;
  }
}, "clientDataJSON must be JSON from a top-level, same-origin page");

const credentialFields = {
  id: credentialId,
  rawId: credentialId,
  type: z.literal("public-key"),
  authenticatorAttachment: z.enum(["platform", "cross-platform"]).optional(),
  clientExtensionResults: z.record(z.string(), z.unknown()).optional(),
};

export const registrationResponseSchema = z.looseObject({
  ...credentialFields,
  response: z.looseObject({
    clientDataJSON,
    attestationObject: base64url(64 * 1024),
    transports: z.array(z.string().max(32)).max(16).optional(),
  }),
});

export const authenticationResponseSchema = z.looseObject({
  ...credentialFields,
  response: z.looseObject({
    clientDataJSON,
    authenticatorData: base64url(16 * 1024),
    signature: base64url(1024),
    userHandle: base64url(64).optional(),
  }),
});
