import { type ChildProcess, spawn } from "node:child_process";
import { randomInt, randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { SECRET_CHECK_BUDGET } from "../lib/auth/surface";
import { SoftwareAuthenticator } from "../test/helpers/software-authenticator";
import { firstLink, waitForMail } from "./fixtures/mailbox";
import { MAIL_SINK_SMTP_PORT } from "./servers";

/**
 * Two instances of the production build behind one public URL, on one PostgreSQL: whatever one
 * instance starts, the other can finish. Nothing the auth flow needs may live in one process's
 * memory. Runs in the DATABASE_URL pass of `npm test` (with PGlite each process has its own
 * database, so there is nothing to share); it reuses the build the other end-to-end tests made.
 */

const databaseUrl = process.env.DATABASE_URL;
const base = Number(process.env.E2E_PORT ?? 3100) + 40;
const PUBLIC_URL = `http://localhost:${base}`;
const INSTANCES = { a: `http://localhost:${base}`, b: `http://localhost:${base + 1}` };
const password = "correct horse battery staple";

test.skip(
  !databaseUrl,
  "Two instances need one shared PostgreSQL: set DATABASE_URL (the CI's second pass does).",
);

/** What a browser keeps for the site: one cookie jar, whichever instance the balancer picks. */
class Client {
  private readonly cookies = new Map<string, string>();
  // A client address of its own, as a proxy in front of both instances would forward it, so that
  // the per-address limits of other tests' attempts do not count against this one.
  private readonly address = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

  async call<T = Record<string, unknown>>(instance: string, method: string, path: string, body?: unknown) {
    const headers: Record<string, string> = { origin: PUBLIC_URL, "x-forwarded-for": this.address };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (this.cookies.size)
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    const response = await fetch(`${instance}/api/auth${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      const value = pair.slice(at + 1);
      if (value) this.cookies.set(pair.slice(0, at), value);
      else this.cookies.delete(pair.slice(0, at));
    }
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }
}

let servers: ChildProcess[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  servers = Object.values(INSTANCES).map((url) =>
    spawn("node_modules/.bin/next", ["start", "--port", new URL(url).port], {
      env: {
        ...process.env,
        BETTER_AUTH_URL: PUBLIC_URL,
        BETTER_AUTH_SECRET: "keyhold-e2e-secret-that-is-long-enough-0123456789",
        SMTP_URL: `smtp://127.0.0.1:${MAIL_SINK_SMTP_PORT}`,
        // The test runner is the proxy in front of both: its X-Forwarded-For names the client.
        TRUSTED_PROXIES: "127.0.0.1,::1",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: "ignore",
      // Its own process group, so that stopping it stops whatever it started.
      detached: true,
    }),
  );
  for (const url of Object.values(INSTANCES)) {
    await expect
      .poll(async () => (await fetch(`${url}/sign-in`).catch(() => null))?.status, { timeout: 90_000 })
      .toBe(200);
  }
});

test.afterAll(() => {
  for (const server of servers) if (server.pid) process.kill(-server.pid, "SIGTERM");
});

/** An account signed up on A and finished on B, from the link both instances' mail went to. */
async function signedInMember(client: Client) {
  const email = `two-instances-${randomUUID()}@example.test`;
  expect((await client.call(INSTANCES.a, "POST", "/sign-up/passkey", { name: "Twin", email })).status).toBe(
    200,
  );
  const link = new URL(firstLink(await waitForMail(email, /Finish creating/)));
  const token = new URLSearchParams(link.hash.slice(1)).get("token");
  expect((await client.call(INSTANCES.b, "POST", "/sign-up/password", { token, password })).status).toBe(200);
  expect((await client.call(INSTANCES.a, "POST", "/sign-in/email", { email, password })).status).toBe(200);
  return email;
}

test("a session, a passkey ceremony and a rate limit each span both instances", async () => {
  const member = new Client();
  const email = await signedInMember(member);

  // A session created on A is valid on B.
  const onB = await member.call<{ user?: { email: string } }>(INSTANCES.b, "GET", "/get-session");
  expect(onB.body?.user?.email).toBe(email);

  // Registration options from A, the response verified on B.
  const authenticator = new SoftwareAuthenticator({ origin: PUBLIC_URL });
  const creation = await member.call<never>(INSTANCES.a, "GET", "/passkey/generate-register-options");
  expect(creation.status).toBe(200);
  const registered = await member.call(INSTANCES.b, "POST", "/passkey/verify-registration", {
    response: authenticator.createCredential(creation.body),
    name: "Twin key",
  });
  expect(registered.status).toBe(200);

  // Sign-in options from B, the assertion verified on A: a new visitor is signed in, on both.
  const visitor = new Client();
  const request = await visitor.call<never>(INSTANCES.b, "GET", "/passkey/generate-authenticate-options");
  const signedIn = await visitor.call(INSTANCES.a, "POST", "/passkey/verify-authentication", {
    response: authenticator.getAssertion(request.body),
  });
  expect(signedIn.status).toBe(200);
  for (const instance of Object.values(INSTANCES)) {
    const session = await visitor.call<{ user?: { email: string } }>(instance, "GET", "/get-session");
    expect(session.body?.user?.email).toBe(email);
  }

  // The secret budget (passwords and step-ups: 10 per account per 15 minutes) counts on both
  // together; the member's password sign-in above spent one.
  const left = SECRET_CHECK_BUDGET.perAccount.max - 1;
  const statuses: number[] = [];
  for (let attempt = 0; attempt <= left; attempt++) {
    const instance = attempt % 2 === 0 ? INSTANCES.a : INSTANCES.b;
    statuses.push(
      (await new Client().call(instance, "POST", "/sign-in/email", { email, password: "a wrong guess" }))
        .status,
    );
  }
  expect(statuses).toEqual([...Array(left).fill(401), 429]);
});
