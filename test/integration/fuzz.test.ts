import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { MAX_BODY_BYTES } from "@/lib/http/body-limit";
import { authEndpoints, type Endpoint } from "../helpers/auth-endpoints";
import { signUp, TestBrowser } from "../helpers/browser";
import { guardedTableDigests } from "../helpers/database-snapshot";
import {
  applyForgery,
  assertionForgeries,
  type Forgery,
  registrationForgeries,
  wrongType,
} from "../helpers/forged-webauthn";
import {
  authenticationOptions,
  registerPasskey,
  registrationOptions,
  signInWithPasskey,
} from "../helpers/passkey-ceremonies";
import { SoftwareAuthenticator } from "../helpers/software-authenticator";

/**
 * Thousands of requests no honest client sends, to every endpoint of the auth API: malformed,
 * truncated, oversized and wrongly typed bodies, hostile headers and query strings, and forged
 * WebAuthn responses. Whatever arrives, the answer is never a 5xx, nothing is left unhandled, and
 * a refused request changes none of the guarded tables (test/helpers/database-snapshot.ts).
 *
 * The endpoints come from Better Auth itself, so endpoints added later are fuzzed without a word
 * here. Runs are seeded from FUZZ_SEED when set, and every failure prints the seed to replay it.
 */

const RUNS = { anonymous: 700, signedIn: 500, registration: 400, assertion: 400 };

/**
 * Server actions, each fuzzed like an endpoint. None exist yet; a file with "use server" fails the
 * coverage test below until its actions are listed here, one line each.
 */
const SERVER_ACTIONS: Record<string, (...args: unknown[]) => Promise<unknown>> = {};

const FIELD_NAMES = [
  "email",
  "newEmail",
  "password",
  "name",
  "code",
  "response",
  "id",
  "token",
  "callbackURL",
  "newPassword",
  "currentPassword",
  "image",
  "rememberMe",
  "sessionToken",
  "providerId",
  "provider",
  "idToken",
];

/**
 * Text PostgreSQL cannot store: U+0000 anywhere in a string, and lone UTF-16 surrogates, which have
 * no UTF-8 form. JSON.stringify writes both as escapes (`\u0000`, `\ud800`), as a hostile client does.
 */
const unstorableString = fc.oneof(
  fc
    .tuple(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }))
    .map(([head, tail]) => `${head}\u0000${tail}`),
  fc
    .tuple(
      fc.string({ maxLength: 20 }),
      fc.integer({ min: 0xd800, max: 0xdfff }),
      fc.string({ maxLength: 20 }),
    )
    .map(([head, surrogate, tail]) => `${head}${String.fromCharCode(surrogate)}${tail}`),
);

/**
 * Emails of a valid shape up to a few thousand characters: random, so that PostgreSQL cannot
 * compress them below an index's limit (about 2,700 bytes) as it would "aaaa…".
 */
const longEmail = fc
  .uint8Array({ minLength: 200, maxLength: 4_500 })
  .map((bytes) => `${Buffer.from(bytes).toString("base64url")}@example.test`);

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  unstorableString,
  longEmail,
  fc.string({ maxLength: 40, unit: "binary" }),
  fc.constantFrom(
    "",
    " ",
    "a@b.c",
    "x@example.test",
    "correct horse battery staple",
    "../../etc/passwd",
    "<script>alert(1)</script>",
    "' or 1=1 --",
    "\u0000",
    "%00",
    "__proto__",
    "javascript:alert(1)",
    "https://evil.example",
    "//evil.example",
  ),
  fc.integer({ min: 1_000, max: 20_000 }).map((size) => "A".repeat(size)),
);

const jsonValue = fc.oneof(hostileString, wrongType, fc.constant(null), fc.jsonValue({ maxDepth: 3 }));

/** A body an honest form could have sent, into which one field at a time is replaced. */
const PLAUSIBLE_BODY = {
  email: "someone@example.test",
  newEmail: "someone-else@example.test",
  password: "correct horse battery staple",
  name: "Ada",
  id: "x",
  token: "x",
  code: "ABCDE-FGHIJ-KLMNO",
};

/** Each kind of value that once answered 500 somewhere, for the sweep below. */
const HOSTILE_FILLS: Record<string, () => unknown> = {
  null: () => null,
  "a NUL": () => "x\u0000",
  "a lone surrogate": () => "x\ud800",
  "a long email": () => `${randomBytes(3_000).toString("base64url")}@example.test`,
};

const bodies = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .dictionary(fc.constantFrom(...FIELD_NAMES), jsonValue, { maxKeys: 6 })
      .map((body) => JSON.stringify(body)),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((body) => JSON.stringify(body)) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...FIELD_NAMES),
        fc.oneof(fc.constant(null), unstorableString, longEmail, jsonValue),
      )
      .map(([field, value]) => JSON.stringify({ ...PLAUSIBLE_BODY, [field]: value })),
  },
  {
    weight: 1,
    arbitrary: fc
      .subarray(FIELD_NAMES, { minLength: 1 })
      .map((fields) => JSON.stringify(Object.fromEntries(fields.map((field) => [field, null])))),
  },
  {
    weight: 1,
    arbitrary: fc.constant(JSON.stringify({ __proto__: { admin: true }, constructor: { prototype: {} } })),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 200 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.dictionary(fc.constantFrom(...FIELD_NAMES), jsonValue, { minKeys: 1, maxKeys: 4 }),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
      )
      .map(([body, keep]) => {
        const text = JSON.stringify(body);
        return text.slice(0, Math.floor(text.length * keep));
      }),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const contentTypes = fc.constantFrom(
  "application/json",
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  undefined,
);

const hostileHeaders = fc.dictionary(
  fc.constantFrom(
    "origin",
    "cookie",
    "x-forwarded-for",
    "user-agent",
    "referer",
    "accept",
    "content-encoding",
  ),
  fc.oneof(
    fc.string({ maxLength: 60 }).filter((value) => /^[\x20-\x7e]*$/.test(value)),
    fc.constantFrom(
      "https://evil.example",
      "null",
      "better-auth.session_token=forged.signature",
      "better-auth.session_token=; better-auth.passkey=forged",
      "gzip",
      "1.2.3.4, 5.6.7.8",
      "::1",
    ),
  ),
  { maxKeys: 2 },
);

const queries = fc
  .dictionary(
    fc.constantFrom(...FIELD_NAMES, "token", "callbackURL", "disableCookieCache", "name"),
    hostileString,
    { maxKeys: 3 },
  )
  .map((query) => {
    const text = new URLSearchParams(query).toString();
    return text ? `?${text}` : "";
  });

type Tally = { cases: number; refused: number; accepted: number; byStatus: Record<number, number> };
const tallies: Record<string, Tally> = {};
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

function tally(group: string, status: number) {
  tallies[group] ??= { cases: 0, refused: 0, accepted: 0, byStatus: {} };
  const entry = tallies[group];
  entry.cases += 1;
  entry[status >= 400 ? "refused" : "accepted"] += 1;
  entry.byStatus[status] = (entry.byStatus[status] ?? 0) + 1;
}

/** Sends one request and holds the answer to the rules; returns the status. */
async function probe(
  group: string,
  browser: TestBrowser,
  method: string,
  path: string,
  init: { body?: string; headers?: Record<string, string> },
): Promise<number> {
  const before = await guardedTableDigests();
  const response = await browser.fetch(method, path, init);
  const text = await response.text();
  const what = `${method} ${path} ${JSON.stringify(init).slice(0, 300)} → ${response.status} ${text.slice(0, 200)}`;
  expect(response.status, what).toBeLessThan(500);
  if (response.status >= 400) {
    expect(await guardedTableDigests(), `refused but changed: ${what}`).toEqual(before);
  }
  tally(group, response.status);
  return response.status;
}

function fillPath(path: string, segment: string): string {
  // A URL carries bytes: a lone surrogate cannot be sent in one (it arrives as U+FFFD).
  return path.replace(/:[A-Za-z]+/g, encodeURIComponent(segment.toWellFormed() || "x"));
}

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const requestCases = fc.record({
  endpoint: fc.nat(),
  method: fc.nat(),
  // One case in ten uses the method the endpoint does not serve.
  wrongMethod: fc.integer({ min: 0, max: 9 }).map((roll) => roll === 0),
  segment: hostileString,
  query: queries,
  body: bodies,
  contentType: contentTypes,
  headers: hostileHeaders,
});
type RequestCase = typeof requestCases extends fc.Arbitrary<infer T> ? T : never;

/**
 * Each feature's own endpoints, which the fuzzer must reach too, and the way back in it gives an
 * account (the recovery codes: a set of codes), from its tests: test/integration/<feature>/.
 */
const featureEndpoints = Object.values(
  import.meta.glob<string[]>("./*/fuzzed-endpoints.ts", { eager: true, import: "fuzzedEndpoints" }),
).flat();
const giveWaysBackIn = Object.values(
  import.meta.glob<(browser: TestBrowser) => Promise<void>>("./*/way-back-in.ts", {
    eager: true,
    import: "giveWayBackIn",
  }),
);

/**
 * A member who signs in with a passkey, and has a password and every feature's way back in, so
 * every kind of row exists.
 */
async function newMember(): Promise<{ browser: TestBrowser; authenticator: SoftwareAuthenticator }> {
  const { browser } = await signUp();
  const authenticator = new SoftwareAuthenticator();
  const registered = await registerPasskey(browser, authenticator);
  if (registered.status !== 200) throw new Error(`setup: passkey registration ${registered.status}`);
  const signedIn = new TestBrowser();
  if ((await signInWithPasskey(signedIn, authenticator)).status !== 200)
    throw new Error("setup: passkey sign-in");
  for (const giveWayBackIn of giveWaysBackIn) await giveWayBackIn(signedIn);
  return { browser: signedIn, authenticator };
}

describe("the auth API under fuzzing", () => {
  const endpoints = authEndpoints();
  let member: { browser: TestBrowser; authenticator: SoftwareAuthenticator };

  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    // Thousands of refusals each log a warning; the assertions, not the log, are the verdict.
    vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.spyOn(console, "error").mockImplementation(() => {});
    member = await newMember();
  });

  /** One generated request: to an endpoint Better Auth lists, with one of its methods or a wrong one. */
  async function sendCase(kind: string, browser: TestBrowser, input: RequestCase) {
    const endpoint = endpoints[input.endpoint % endpoints.length] as Endpoint;
    const method = input.wrongMethod
      ? endpoint.methods.includes("GET")
        ? "POST"
        : "GET"
      : (endpoint.methods[input.method % endpoint.methods.length] as string);
    const headers: Record<string, string> = { ...input.headers };
    if (input.contentType) headers["content-type"] = input.contentType;
    const status = await probe(kind, browser, method, fillPath(endpoint.path, input.segment) + input.query, {
      body: method === "GET" ? undefined : input.body,
      headers,
    });
    return { status, method };
  }

  /**
   * The member, from an address of its own for each case: the per-address rate limits have their
   * own tests, and would otherwise answer most of a long run with 429 (a 4xx, but one that hides
   * what the endpoint itself does with the input).
   */
  const movedMember = () => member.browser.clone(undefined, new TestBrowser().ipAddress);

  /**
   * A new session for the member, after an accepted request signed them out or went stale; a new
   * member when one (delete-user, with the right body) closed the account.
   */
  async function signMemberInAgain() {
    const browser = new TestBrowser();
    const signedIn = await signInWithPasskey(browser, member.authenticator);
    if (signedIn.status === 200) member.browser = browser;
    else member = await newMember();
  }

  afterAll(() => {
    process.off("unhandledRejection", onUnhandled);
    vi.restoreAllMocks();
    const total = Object.values(tallies).reduce((sum, entry) => sum + entry.cases, 0);
    console.log(
      [
        `Fuzzed ${total} requests over ${endpoints.length} endpoints (seed ${seed ?? "random"}):`,
        ...Object.entries(tallies).map(
          ([group, entry]) =>
            `  ${group}: ${entry.cases} cases, ${entry.refused} refused, ${entry.accepted} accepted; statuses ${JSON.stringify(entry.byStatus)}`,
        ),
      ].join("\n"),
    );
  });

  it("fuzzes every endpoint Better Auth serves, the passkey and recovery-code ones included", () => {
    const paths = endpoints.map((endpoint) => endpoint.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "/sign-up/email",
        "/sign-in/email",
        "/passkey/generate-register-options",
        "/passkey/verify-registration",
        "/passkey/generate-authenticate-options",
        "/passkey/verify-authentication",
        "/passkey/delete-passkey",
        "/passkey/update-passkey",
        ...featureEndpoints,
      ]),
    );
    expect(endpoints.every((endpoint) => endpoint.methods.length > 0)).toBe(true);
  });

  it("refuses malformed requests from anonymous callers with a 4xx, and changes nothing", {
    timeout: 300_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(requestCases, async (input) => {
        await sendCase("anonymous", new TestBrowser(), input);
      }),
      { numRuns: RUNS.anonymous, seed },
    );
    expect(unhandled).toEqual([]);
  });

  it("refuses malformed requests from a signed-in caller with a 4xx, and changes nothing", {
    timeout: 300_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(requestCases, async (input) => {
        // Hostile headers replace the member's cookie or Origin only in the cases that ask for it.
        const browser = movedMember();
        const { status, method } = await sendCase("signed in", browser, input);
        // An accepted request may have signed the member out (sign-out, revoke-sessions): sign back in.
        if (status < 400 && method === "POST" && !(await browser.get("/get-session")).body) {
          await signMemberInAgain();
        }
      }),
      { numRuns: RUNS.signedIn, seed },
    );
    expect(unhandled).toEqual([]);
  });

  it("refuses null, a NUL, a lone surrogate and a long email in every field of every endpoint, and changes nothing", {
    timeout: 300_000,
  }, async () => {
    for (const endpoint of endpoints) {
      for (const method of endpoint.methods) {
        for (const fill of Object.values(HOSTILE_FILLS)) {
          const fields = Object.fromEntries(FIELD_NAMES.map((field) => [field, fill()]));
          const query = `?${new URLSearchParams(Object.entries(fields).map(([key, value]) => [key, String(value)]))}`;
          for (const signedIn of [false, true]) {
            const browser = signedIn ? movedMember() : new TestBrowser();
            const status = await probe(
              signedIn ? "sweep, signed in" : "sweep, anonymous",
              browser,
              method,
              fillPath(endpoint.path, String(fields.id)) + (method === "GET" ? query : ""),
              method === "GET"
                ? {}
                : { body: JSON.stringify(fields), headers: { "content-type": "application/json" } },
            );
            if (signedIn && status < 400 && method === "POST" && !(await browser.get("/get-session")).body) {
              await signMemberInAgain();
            }
          }
        }
      }
    }
    expect(unhandled).toEqual([]);
  });

  it("refuses forged passkey registrations (bad CBOR, wrong COSE keys, huge or wrongly typed client data)", {
    timeout: 300_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(registrationForgeries, async (forgery: Forgery) => {
        let browser = movedMember();
        let options = await registrationOptions(browser);
        // Adding a passkey needs a verification in the last few minutes: a long run outlives it.
        if (options.status === 403) {
          await signMemberInAgain();
          browser = movedMember();
          options = await registrationOptions(browser);
        }
        expect(options.status).toBe(200);
        const genuine = new SoftwareAuthenticator().createCredential(options.body, {
          tamper: forgery.tamper,
        });
        const status = await probe("forged registration", browser, "POST", "/passkey/verify-registration", {
          body: JSON.stringify({ response: applyForgery(genuine, forgery), name: "Forged" }),
          headers: { "content-type": "application/json" },
        });
        if (forgery.mustRefuse) expect(status, forgery.label).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: RUNS.registration, seed },
    );
    expect(unhandled).toEqual([]);
  });

  it("refuses forged passkey sign-ins (bad signatures, truncated data, huge or wrongly typed client data)", {
    timeout: 300_000,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(assertionForgeries, async (forgery: Forgery) => {
        const browser = new TestBrowser();
        const options = await authenticationOptions(browser);
        expect(options.status).toBe(200);
        const genuine = member.authenticator.getAssertion(options.body, { tamper: forgery.tamper });
        const status = await probe("forged sign-in", browser, "POST", "/passkey/verify-authentication", {
          body: JSON.stringify({ response: applyForgery(genuine, forgery) }),
          headers: { "content-type": "application/json" },
        });
        if (forgery.mustRefuse) expect(status, forgery.label).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: RUNS.assertion, seed },
    );
    expect(unhandled).toEqual([]);
  });

  it("caps the body: 413 on a declared length over the cap before reading, and on a streamed body as it grows", async () => {
    const browser = new TestBrowser();
    const declared = await browser.fetch("POST", "/sign-in/email", {
      body: "{}",
      headers: { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) },
    });
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });

    let sent = 0;
    const chunk = new TextEncoder().encode("x".repeat(16 * 1024));
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const streamed = await browser.fetch("POST", "/sign-in/email", {
      body: endless,
      headers: { "content-type": "application/json" },
    });
    expect(streamed.status).toBe(413);
    // It stopped reading soon after the cap, not at the end of a body that has none.
    expect(sent).toBeLessThan(MAX_BODY_BYTES + 4 * chunk.byteLength);

    const justUnder = await browser.fetch("POST", "/sign-in/email", {
      body: JSON.stringify({ email: "a@example.test", password: "x".repeat(MAX_BODY_BYTES - 100) }),
      headers: { "content-type": "application/json" },
    });
    expect(justUnder.status).toBeGreaterThanOrEqual(400);
    expect(justUnder.status).not.toBe(413);
    expect(justUnder.status).toBeLessThan(500);
  });

  it("answers a JSON body that does not parse with 400", async () => {
    const response = await new TestBrowser().fetch("POST", "/sign-in/email", {
      body: '{"email": "a@example.test", "password":',
      headers: { "content-type": "application/json" },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "INVALID_JSON" });
  });

  it("covers every server action in the app", () => {
    const found = spawnSync("grep", ["-rlE", "^[\"']use server[\"']", "app", "lib", "components"], {
      encoding: "utf8",
    });
    const files = found.stdout.trim().split("\n").filter(Boolean).sort();
    expect(files, "list each file's actions in SERVER_ACTIONS").toEqual(Object.keys(SERVER_ACTIONS).sort());
  });
});
