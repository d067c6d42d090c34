import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { type APIRequestContext, expect, test } from "@playwright/test";
import { APP_URL, MAIL_SINK_SMTP_PORT } from "./servers";

/**
 * Which rate-limit bucket a request lands in, asked of the production build over real sockets: the
 * client address is what lib/http/peer-address.ts and lib/http/client-ip.ts make of the socket and
 * of X-Forwarded-For. `POST /sign-in/email` allows 10 attempts a minute per address, so 11 attempts
 * from one bucket end in a 429. Each attempt names another account, so that the per-account limit
 * stays out of it.
 */

/** The build as deployed with nothing in front of it: no TRUSTED_PROXIES. */
const DIRECT_URL = `http://localhost:${Number(process.env.E2E_PORT ?? 3100) + 50}`;

let server: ChildProcess | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  server = spawn("node_modules/.bin/next", ["start", "--port", new URL(DIRECT_URL).port], {
    env: {
      ...process.env,
      BETTER_AUTH_URL: DIRECT_URL,
      BETTER_AUTH_SECRET: "keyhold-e2e-secret-that-is-long-enough-0123456789",
      PGLITE_DIR: process.env.DATABASE_URL ? "" : "memory://",
      SMTP_URL: `smtp://127.0.0.1:${MAIL_SINK_SMTP_PORT}`,
      TRUSTED_PROXIES: "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
    // Its own process group, so that stopping it stops whatever it started.
    detached: true,
  });
  await expect
    .poll(async () => (await fetch(`${DIRECT_URL}/sign-in`).catch(() => null))?.status, { timeout: 90_000 })
    .toBe(200);
});

test.afterAll(() => {
  if (server?.pid) process.kill(-server.pid, "SIGTERM");
});

/** A failed password attempt for a made-up account, sent with `headers`; its status. */
async function attempt(request: APIRequestContext, origin: string, headers: Record<string, string> = {}) {
  const response = await request.post(`${origin}/api/auth/sign-in/email`, {
    headers: { origin, ...headers },
    data: { email: `nobody-${randomUUID()}@example.test`, password: "not the password at all" },
  });
  return response.status();
}

test("a client talking to the server directly cannot pick its bucket with X-Forwarded-For", async ({
  request,
}) => {
  const statuses: number[] = [];
  for (let i = 1; i <= 11; i++) {
    statuses.push(await attempt(request, DIRECT_URL, { "x-forwarded-for": `198.51.100.${i}` }));
  }

  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
  expect(statuses[10]).toBe(429);
  // The bucket is the socket's address, not one shared by everyone whose address is unknown: the
  // same client without the header is over the limit too.
  expect(await attempt(request, DIRECT_URL)).toBe(429);
});

test("behind a declared proxy, each client it forwards has a bucket of its own", async ({ request }) => {
  // The other servers declare the test runner as their proxy (TRUSTED_PROXIES in playwright.config.ts).
  const statuses: number[] = [];
  for (let i = 1; i <= 11; i++) {
    statuses.push(await attempt(request, APP_URL, { "x-forwarded-for": `198.51.100.${i}, 203.0.113.${i}` }));
  }

  expect(statuses).toEqual(Array(11).fill(401));
});
