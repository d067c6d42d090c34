/**
 * The largest request body the auth API reads. The biggest legitimate one is a passkey registration
 * response, whose attestation statement can carry a certificate chain: a few kilobytes in practice,
 * under 100 KB for any authenticator the response schema accepts (lib/passkeys).
 */
export const MAX_BODY_BYTES = 128 * 1024;

export type BodyReading = { ok: true; body: Uint8Array<ArrayBuffer> | null } | { ok: false };

/**
 * Reads a request's body, giving up as soon as it passes `maxBytes`: a declared Content-Length over
 * the cap is refused before a byte is read, and a chunked body is counted while it streams in, so an
 * oversized body never sits in memory whole.
 */
export async function readBodyWithin(request: Request, maxBytes = MAX_BODY_BYTES): Promise<BodyReading> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (!Number.isFinite(declared) || declared > maxBytes) return { ok: false };
  if (!request.body) return { ok: true, body: null };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, body: new Uint8Array(Buffer.concat(chunks)) };
}
