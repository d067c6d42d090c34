import { site } from "@/config/site";

/** Seconds a client is asked to wait before retrying while the database is unreachable. */
export const RETRY_AFTER_SECONDS = 5;

/** The answer of every auth API request that could not be served because the database is down. */
export function serviceUnavailable(): Response {
  return Response.json(
    {
      code: "SERVICE_UNAVAILABLE",
      message: `${site.name} can't reach its database right now. Nothing was changed; try again in a few seconds.`,
    },
    { status: 503, headers: { "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" } },
  );
}

export function payloadTooLarge(maxBytes: number): Response {
  return Response.json(
    { code: "PAYLOAD_TOO_LARGE", message: `The request body is larger than ${maxBytes} bytes.` },
    { status: 413 },
  );
}

export function malformedJson(): Response {
  return Response.json(
    { code: "INVALID_JSON", message: "The request body is not valid JSON." },
    { status: 400 },
  );
}

export function notFound(): Response {
  return Response.json({ code: "NOT_FOUND", message: "There is no such endpoint." }, { status: 404 });
}

export function unstorableText(): Response {
  return Response.json(
    {
      code: "INVALID_STRING",
      message:
        "The request contains text that can't be stored: a NUL character (U+0000) or a lone UTF-16 surrogate.",
    },
    { status: 400 },
  );
}
