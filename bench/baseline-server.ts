/**
 * The bare baseline the app is measured against: node:http, @simplewebauthn/server and node-postgres
 * on the same PostgreSQL schema, answering the same HTTP contract as the app's passkey endpoints
 * (paths, JSON bodies, a signed challenge cookie, a signed session cookie), so that one load
 * generator drives both. No framework, no hooks, no rate limiter: every statement below is one a
 * passkey ceremony cannot do without, and bench/baseline-queries.ts lists them for the report.
 *
 * Started by bench/run.ts with BASELINE_PORT, DATABASE_URL, BETTER_AUTH_SECRET and BASELINE_ORIGIN.
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from "@simplewebauthn/server";
import { Pool } from "pg";
import { site } from "@/config/site";

const CHALLENGE_COOKIE = "baseline.passkey";
const SESSION_COOKIE = "baseline.session_token";
const CHALLENGE_SECONDS = 300;
const SESSION_SECONDS = 7 * 24 * 3600;

type Row = Record<string, unknown>;
type Handler = (request: IncomingMessage, body: unknown) => Promise<Reply>;
type Reply = { status: number; json: unknown; cookies?: string[] };

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const origin = requiredEnv("BASELINE_ORIGIN");
const rpID = new URL(origin).hostname;
const secret = requiredEnv("BETTER_AUTH_SECRET");
// node-postgres's default pool (10 connections), as the app uses it.
const pool = new Pool({ connectionString: requiredEnv("DATABASE_URL") });
pool.on("error", (error) => console.warn(`PostgreSQL closed an idle connection: ${error.message}`));

/** A statement written as a template: each interpolation is sent as a parameter, never spliced in. */
async function sql(text: TemplateStringsArray, ...values: unknown[]): Promise<Row[]> {
  const statement = text.reduce((query, part, index) => `${query}$${index}${part}`);
  return (await pool.query(statement, values)).rows;
}

function sign(value: string): string {
  return `${value}.${createHmac("sha256", secret).update(value).digest("base64url")}`;
}

function unsign(signed: string | undefined): string | null {
  if (!signed) return null;
  const dot = signed.lastIndexOf(".");
  if (dot < 1) return null;
  const value = signed.slice(0, dot);
  const expected = Buffer.from(sign(value));
  const given = Buffer.from(signed);
  return expected.length === given.length && timingSafeEqual(expected, given) ? value : null;
}

function cookie(request: IncomingMessage, name: string): string | null {
  for (const pair of (request.headers.cookie ?? "").split(";")) {
    const [key, ...value] = pair.trim().split("=");
    if (key === name) return unsign(decodeURIComponent(value.join("=")));
  }
  return null;
}

function setCookie(name: string, value: string, maxAge: number): string {
  return `${name}=${encodeURIComponent(sign(value))}; Max-Age=${maxAge}; Path=/; HttpOnly; SameSite=Lax`;
}

async function sessionOf(request: IncomingMessage): Promise<Row | null> {
  const token = cookie(request, SESSION_COOKIE);
  if (!token) return null;
  const [row] = await sql`
    select s.id as session_id, s.created_at as session_created_at, u.id, u.email, u.name
    from sessions s join users u on u.id = s.user_id
    where s.token = ${token} and s.expires_at > now()`;
  return row ?? null;
}

async function storeChallenge(data: unknown): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await sql`
    insert into verifications (id, identifier, value, expires_at)
    values (${randomUUID()}, ${token}, ${JSON.stringify(data)}, now() + ${`${CHALLENGE_SECONDS} seconds`}::interval)`;
  return token;
}

async function consumeChallenge(request: IncomingMessage, type: string): Promise<Row | null> {
  const token = cookie(request, CHALLENGE_COOKIE);
  if (!token) return null;
  const [row] = await sql`
    delete from verifications where identifier = ${token} and expires_at > now() returning value`;
  const data = row ? (JSON.parse(String(row.value)) as Row) : null;
  return data?.type === type ? data : null;
}

const routes: Record<string, Handler> = {
  "GET /api/auth/passkey/generate-authenticate-options": async () => {
    const options = await generateAuthenticationOptions({ rpID, userVerification: "required" });
    const token = await storeChallenge({ type: "authentication", expectedChallenge: options.challenge });
    return { status: 200, json: options, cookies: [setCookie(CHALLENGE_COOKIE, token, CHALLENGE_SECONDS)] };
  },

  "POST /api/auth/passkey/verify-authentication": async (request, body) => {
    const response = (body as { response?: AuthenticationResponseJSON }).response;
    if (!response?.id) return { status: 400, json: { code: "INVALID_PASSKEY_RESPONSE" } };
    const challenge = await consumeChallenge(request, "authentication");
    if (!challenge) return { status: 400, json: { code: "CHALLENGE_NOT_FOUND" } };
    const [passkey] = await sql`
      select id, user_id, public_key, counter, transports from passkeys where credential_id = ${response.id}`;
    if (!passkey) return { status: 401, json: { code: "PASSKEY_NOT_FOUND" } };
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: String(challenge.expectedChallenge),
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: response.id,
        publicKey: new Uint8Array(Buffer.from(String(passkey.public_key), "base64")),
        counter: Number(passkey.counter),
      },
      requireUserVerification: true,
    }).catch(() => null);
    if (!verification?.verified) return { status: 401, json: { code: "AUTHENTICATION_FAILED" } };
    await sql`
      update passkeys set counter = ${verification.authenticationInfo.newCounter}, last_used_at = now()
      where id = ${String(passkey.id)}`;
    const token = randomBytes(24).toString("base64url");
    const [session] = await sql`
      insert into sessions (id, user_id, token, expires_at, ip_address, user_agent, passkey_id, sign_in_method)
      values (${randomUUID()}, ${String(passkey.user_id)}, ${token},
              now() + ${`${SESSION_SECONDS} seconds`}::interval,
              ${request.socket.remoteAddress ?? ""}, ${request.headers["user-agent"] ?? ""},
              ${String(passkey.id)}, 'passkey')
      returning *`;
    const [user] = await sql`select * from users where id = ${String(passkey.user_id)}`;
    return {
      status: 200,
      json: { session, user },
      cookies: [setCookie(SESSION_COOKIE, token, SESSION_SECONDS)],
    };
  },

  "GET /api/auth/passkey/generate-register-options": async (request) => {
    const user = await sessionOf(request);
    if (!user) return { status: 401, json: { code: "UNAUTHORIZED" } };
    const existing = await sql`select credential_id from passkeys where user_id = ${String(user.id)}`;
    const options = await generateRegistrationOptions({
      rpName: site.name,
      rpID,
      userName: String(user.email),
      userID: new Uint8Array(Buffer.from(String(user.id), "utf8")),
      authenticatorSelection: { residentKey: "required", userVerification: "required" },
      excludeCredentials: existing.map((row) => ({ id: String(row.credential_id) })),
    });
    const token = await storeChallenge({
      type: "registration",
      expectedChallenge: options.challenge,
      userId: user.id,
    });
    return { status: 200, json: options, cookies: [setCookie(CHALLENGE_COOKIE, token, CHALLENGE_SECONDS)] };
  },

  "POST /api/auth/passkey/verify-registration": async (request, body) => {
    const { response, name } = body as { response?: RegistrationResponseJSON; name?: string };
    if (!response?.id) return { status: 400, json: { code: "INVALID_PASSKEY_RESPONSE" } };
    const user = await sessionOf(request);
    if (!user) return { status: 401, json: { code: "UNAUTHORIZED" } };
    const challenge = await consumeChallenge(request, "registration");
    if (!challenge || challenge.userId !== user.id)
      return { status: 400, json: { code: "CHALLENGE_NOT_FOUND" } };
    const verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: String(challenge.expectedChallenge),
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
    }).catch(() => null);
    if (!verification?.verified) return { status: 400, json: { code: "PASSKEY_NOT_VERIFIED" } };
    const { credential, credentialDeviceType, credentialBackedUp, aaguid } = verification.registrationInfo;
    try {
      const [passkey] = await sql`
        insert into passkeys (id, user_id, name, public_key, credential_id, counter, device_type, backed_up, transports, aaguid)
        values (${randomUUID()}, ${String(user.id)}, ${name ?? null},
                ${Buffer.from(credential.publicKey).toString("base64")}, ${credential.id}, ${credential.counter},
                ${credentialDeviceType}, ${credentialBackedUp}, ${(credential.transports ?? []).join(",")}, ${aaguid})
        returning *`;
      return { status: 200, json: passkey };
    } catch (error) {
      if ((error as { code?: string }).code === "23505")
        return { status: 409, json: { code: "PASSKEY_ALREADY_REGISTERED" } };
      throw error;
    }
  },

  "GET /api/auth/passkey/list-user-passkeys": async (request) => {
    const user = await sessionOf(request);
    if (!user) return { status: 401, json: { code: "UNAUTHORIZED" } };
    const passkeys = await sql`select * from passkeys where user_id = ${String(user.id)}`;
    return { status: 200, json: passkeys };
  },
};

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (!chunks.length) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return {};
  }
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<Reply> {
  const path = new URL(request.url ?? "/", origin).pathname;
  const route = routes[`${request.method} ${path}`];
  if (!route) return { status: 404, json: { code: "NOT_FOUND" } };
  // The same cross-site request check the app keeps on.
  if (request.method === "POST" && request.headers.origin !== origin) {
    return { status: 403, json: { code: "INVALID_ORIGIN" } };
  }
  const body = request.method === "POST" ? await readJson(request) : undefined;
  response.setHeader("cache-control", "no-store");
  return route(request, body);
}

createServer((request, response) => {
  handle(request, response)
    .catch((error: unknown) => {
      console.error(error);
      return { status: 500, json: { code: "INTERNAL" } } as Reply;
    })
    .then(({ status, json, cookies }) => {
      if (cookies) response.setHeader("set-cookie", cookies);
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(json));
    });
}).listen(Number(requiredEnv("BASELINE_PORT")), "127.0.0.1");
