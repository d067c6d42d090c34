import { describe, expect, it } from "vitest";
import { APP_ORIGIN, signUp, TEST_PASSWORD, TestBrowser, uniqueEmail } from "../helpers/browser";
import { firstLink, latestMailTo } from "../helpers/mailbox";

/**
 * Every redirect target the auth API accepts goes through one guard (lib/http/safe-next.ts, applied at
 * the front door by lib/auth/redirect-targets.ts), and every Location it answers stays on the app's
 * origin. Each hostile target below is sent to every endpoint that takes one, as a browser would
 * send it, and wherever the answer would take the browser next — a Location, a `url` in the JSON,
 * the callback of a mailed link — must be on the app's origin, resolved the way a browser resolves
 * it.
 */

// Sources: PayloadsAllTheThings "Open Redirect", the OWASP redirect cheat sheet, test/unit/safe-next.test.ts,
// and what Better Auth 1.7.7 itself lets through (dot segments, which its query-string helper turns
// into "//evil.example?error=…").
const HOSTILE_TARGETS = [
  "/..//evil.example",
  "/../..//evil.example",
  "/./..//evil.example",
  "/dashboard/../..//evil.example",
  "/%2e%2e//evil.example",
  "/%2E%2E/%2Fevil.example",
  "/%252e%252e//evil.example",
  "//evil.example",
  "///evil.example",
  "//evil.example/%2e%2e",
  "/\\evil.example",
  "\\\\evil.example",
  "/%5cevil.example",
  "/%2f%2fevil.example",
  "%2f%2fevil.example",
  "https://evil.example",
  "https:evil.example",
  "evil.example",
  `${APP_ORIGIN}@evil.example`,
  `${APP_ORIGIN}.evil.example/`,
  `${APP_ORIGIN}//evil.example`,
  `${APP_ORIGIN}/..//evil.example`,
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "\t//evil.example",
  " //evil.example",
  "/%09/evil.example",
  "/\u2215\u2215evil.example",
  `/${"a/".repeat(1500)}${"../".repeat(1501)}/evil.example`,
];

type Finding = { target: string; probe: string; status: number; destination: string };

/** Whether a browser at `base` that is sent to `destination` leaves the app's origin. */
function leavesOrigin(destination: string, base: string): boolean {
  try {
    return new URL(destination, base).origin !== APP_ORIGIN;
  } catch {
    return true;
  }
}

class Probe {
  readonly findings: Finding[] = [];
  readonly statuses: number[] = [];
  requests = 0;
  destinations = 0;

  constructor(readonly target: string) {}

  /** Sends one request and checks every destination in its answer. */
  async send(
    probe: string,
    browser: TestBrowser,
    method: "GET" | "POST",
    path: string,
    body?: Record<string, string>,
    encoding: "json" | "form" = "json",
  ): Promise<Response> {
    const init =
      body === undefined
        ? {}
        : encoding === "json"
          ? { body: JSON.stringify(body), headers: { "content-type": "application/json" } }
          : {
              body: new URLSearchParams(body).toString(),
              headers: { "content-type": "application/x-www-form-urlencoded" },
            };
    const response = await browser.fetch(method, path, init);
    this.requests++;
    this.statuses.push(response.status);
    const location = response.headers.get("location");
    if (location !== null) this.check(probe, response.status, location, `${APP_ORIGIN}/api/auth${path}`);
    const text = await response.clone().text();
    const url = parseJson(text)?.url;
    // Better Auth's client assigns this to window.location from the page that made the request.
    if (typeof url === "string")
      this.check(`${probe} (JSON url)`, response.status, url, `${APP_ORIGIN}/sign-in`);
    return response;
  }

  /** The mailed link's callback, where Better Auth redirects once the link is opened. */
  async checkMailedLink(probe: string, address: string): Promise<URL> {
    const link = firstLink(await latestMailTo(address));
    const callback = link.searchParams.get("callbackURL");
    if (callback !== null) this.check(`${probe} (mailed callbackURL)`, 0, callback, link.href);
    return link;
  }

  private check(probe: string, status: number, destination: string, base: string) {
    this.destinations++;
    if (!leavesOrigin(destination, base)) return;
    this.findings.push({
      target: this.target.slice(0, 80),
      probe,
      status,
      destination: destination.slice(0, 80),
    });
  }
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function query(params: Record<string, string>): string {
  return `?${new URLSearchParams(params)}`;
}

/** The address of a new account with a password (TEST_PASSWORD). */
async function accountWithPassword(): Promise<string> {
  return (await signUp()).user.email;
}

/** Every endpoint that takes a redirect target, with `target` in each of its target fields. */
async function probeEveryEndpoint(target: string): Promise<Probe> {
  const probe = new Probe(target);

  // Better Auth's password sign-up, off (lib/auth/surface.ts): were it on, the target would go into
  // the mailed link, which is then opened as mailed.
  const newcomer = uniqueEmail("newcomer");
  const passwordSignUp = await probe.send(
    "POST /sign-up/email",
    new TestBrowser(),
    "POST",
    "/sign-up/email",
    {
      name: "Ada",
      email: newcomer,
      password: TEST_PASSWORD,
      callbackURL: target,
    },
  );
  if (passwordSignUp.status === 200) {
    const link = await probe.checkMailedLink("POST /sign-up/email", newcomer);
    await probe.send("GET mailed sign-up link", new TestBrowser(), "GET", `/verify-email${link.search}`);
  }

  const email = await accountWithPassword();
  const resend = await probe.send(
    "POST /send-verification-email",
    new TestBrowser(),
    "POST",
    "/send-verification-email",
    { email, callbackURL: target },
  );
  if (resend.status === 200) await probe.checkMailedLink("POST /send-verification-email", email);

  // Off (lib/auth/surface.ts): were it on, Better Auth's error redirect would take the target.
  await probe.send(
    "GET /verify-email (bad token)",
    new TestBrowser(),
    "GET",
    `/verify-email${query({ token: "not-a-token", callbackURL: target })}`,
  );

  const credentials = { email, password: TEST_PASSWORD, callbackURL: target };
  await probe.send(
    "POST /sign-in/email (form)",
    new TestBrowser(),
    "POST",
    "/sign-in/email",
    credentials,
    "form",
  );
  const signedIn = new TestBrowser();
  await probe.send("POST /sign-in/email", signedIn, "POST", "/sign-in/email", credentials);

  // Better Auth's email change, off like its /verify-email: were it on, the target would go into
  // the mailed link.
  const newEmail = uniqueEmail("changed");
  const change = await probe.send("POST /change-email", signedIn, "POST", "/change-email", {
    newEmail,
    callbackURL: target,
  });
  if (change.status === 200) await probe.checkMailedLink("POST /change-email", newEmail);

  await probe.send("POST /request-password-reset", new TestBrowser(), "POST", "/request-password-reset", {
    email,
    redirectTo: target,
  });
  await probe.send(
    "GET /reset-password/:token",
    new TestBrowser(),
    "GET",
    `/reset-password/not-a-token${query({ callbackURL: target })}`,
  );
  await probe.send(
    "GET /delete-user/callback",
    signedIn,
    "GET",
    `/delete-user/callback${query({ token: "not-a-token", callbackURL: target })}`,
  );
  const social = {
    provider: "github",
    callbackURL: target,
    errorCallbackURL: target,
    newUserCallbackURL: target,
  };
  await probe.send("POST /sign-in/social", new TestBrowser(), "POST", "/sign-in/social", social);
  await probe.send("POST /link-social", signedIn, "POST", "/link-social", social);
  // With a session this fresh, no step-up is asked, and the account is gone.
  await probe.send("POST /delete-user", signedIn, "POST", "/delete-user", { callbackURL: target });
  await probe.send("POST /sign-out", signedIn, "POST", "/sign-out", { callbackURL: target });
  return probe;
}

describe("redirect targets", () => {
  it("never send the browser off-origin: every hostile target to every endpoint that takes one", {
    timeout: 240_000,
  }, async () => {
    const probes: Probe[] = [];
    // A few at a time: each sends a dozen requests, some of which wait out Better Auth's floors.
    for (let start = 0; start < HOSTILE_TARGETS.length; start += 6) {
      probes.push(...(await Promise.all(HOSTILE_TARGETS.slice(start, start + 6).map(probeEveryEndpoint))));
    }

    const findings = probes.flatMap((probe) => probe.findings);
    const statuses = probes.flatMap((probe) => probe.statuses);
    const requests = probes.reduce((sum, probe) => sum + probe.requests, 0);
    const destinations = probes.reduce((sum, probe) => sum + probe.destinations, 0);
    console.log(
      `${HOSTILE_TARGETS.length} hostile targets, ${requests} requests: ${destinations} destinations checked, ` +
        `${findings.length} off-origin; statuses ${JSON.stringify(countBy(statuses))}`,
    );
    expect(findings).toEqual([]);
    expect(statuses.filter((status) => status >= 500)).toEqual([]);
  });

  it("keep a same-origin target, and turn an absolute one on the app's origin into its path", async () => {
    const email = await accountWithPassword();
    const signIn = (callbackURL: string) =>
      new TestBrowser().post<{ url?: string }>("/sign-in/email", {
        email,
        password: TEST_PASSWORD,
        callbackURL,
      });

    const first = await signIn("/settings/security/passkeys?tab=new#list");
    const again = await signIn(`${APP_ORIGIN}/dashboard?from=mail`);

    expect(first.status).toBe(200);
    expect(first.body.url).toBe("/settings/security/passkeys?tab=new#list");
    expect(again.body.url).toBe("/dashboard?from=mail");
  });

  it("replace a hostile target with the dashboard, and still do what was asked", async () => {
    const email = await accountWithPassword();
    const browser = new TestBrowser();

    const response = await browser.post<{ url?: string }>("/sign-in/email", {
      email,
      password: TEST_PASSWORD,
      callbackURL: "/..//evil.example",
    });

    expect(response.status).toBe(200);
    expect(response.body.url).toBe("/dashboard");
    const session = await browser.get<{ user: { email: string } }>("/get-session");
    expect(session.body.user.email).toBe(email);
  });
});

function countBy(values: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
