import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

type RequestStart = { request: IncomingMessage; socket: Socket };

/** Subscribed once per process, however often instrumentation is loaded again (development reloads). */
const SUBSCRIBED = Symbol.for("keyhold.peer-address");

/**
 * Makes every request's X-Forwarded-For end with the address of the socket it came in on, as a
 * reverse proxy does: the rightmost entry is then always the real peer, whatever a client wrote
 * to the left of it, and `lib/http/client-ip.ts` can walk back from it past declared proxies.
 *
 * `next start` gives route handlers no socket; it copies the peer's address into the header only
 * when the request carries none, so a client talking to it directly would otherwise choose its own
 * address. Node publishes `http.server.request.start` synchronously before the server's 'request'
 * event, that is before Next.js reads a single header, in the process that runs the handlers.
 */
export function appendPeerAddressToForwardedFor(): void {
  const scope = globalThis as { [SUBSCRIBED]?: true };
  if (scope[SUBSCRIBED]) return;
  scope[SUBSCRIBED] = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as RequestStart;
    const peer = socket.remoteAddress;
    if (!peer) return;
    const forwarded = request.headers["x-forwarded-for"];
    request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
  });
}
