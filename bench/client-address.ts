/**
 * The one knob for how virtual users look to per-address rate limits.
 *
 * Better Auth limits every auth path per client address (100 requests in 10 s; 3 for /sign-in*),
 * and the load here is hundreds of sign-ins a second from one machine. A real deployment sees
 * those from hundreds of people, so each ceremony claims an address of its own in
 * CLIENT_ADDRESS_HEADER, and the app is told to believe that header from the bench's own
 * connection (APP_PROXY_ENV). Set BENCH_CLIENT_ADDRESS=shared to send no header at all and watch
 * the limiter answer 429 instead.
 */
export const CLIENT_ADDRESS_HEADER = "x-forwarded-for";

export const clientAddressMode: "per-ceremony" | "shared" =
  process.env.BENCH_CLIENT_ADDRESS === "shared" ? "shared" : "per-ceremony";

/** What the app server needs in its environment to take CLIENT_ADDRESS_HEADER from the bench. */
export const APP_PROXY_ENV: Record<string, string> = { TRUSTED_PROXIES: "127.0.0.1,::1" };

let issued = 0;

/** Headers for one ceremony: a fresh 10.0.0.0/8 address each time, or none in "shared" mode. */
export function clientAddressHeaders(): Record<string, string> {
  if (clientAddressMode === "shared") return {};
  issued += 1;
  const address = `10.${(issued >> 16) & 255}.${(issued >> 8) & 255}.${issued & 255}`;
  return { [CLIENT_ADDRESS_HEADER]: address };
}
