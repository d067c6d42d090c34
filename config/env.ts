import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findInvalidTrustedProxies } from "@better-auth/core/utils/ip";
import { site } from "./site";

/** Everything the server reads from the environment, validated in one place. */
export type ServerConfig = {
  /** Public origin of the app, e.g. https://app.example.com. Better Auth's baseURL. */
  appUrl: string;
  /** WebAuthn relying party: the domain passkeys are bound to, and the name the OS prompt shows. */
  rpId: string;
  /** The site's name unless PASSKEY_RP_NAME says otherwise; only the passkey prompt shows it. */
  rpName: string;
  /** Origins allowed to use the passkeys and to make credentialed requests. */
  origins: string[];
  secret: string;
  /** A real PostgreSQL when set; otherwise an embedded PGlite in `pgliteDir`. */
  databaseUrl: string | undefined;
  pgliteDir: string;
  /**
   * How long a verification (signing in, or stepping up with a passkey or the password) lets the
   * session make sensitive changes. See lib/step-up.
   */
  stepUpWindowSeconds: number;
  /**
   * No answer to a sign-up or to a request to change one's email leaves sooner than this after its
   * request arrived, so that a new email and a taken one take the same time (lib/auth/even-timing.ts).
   */
  signUpAnswerFloorMs: number;
  /** smtp(s)://user:pass@host:port. Required in production; without it, mail goes to /dev/outbox. */
  smtpUrl: string | undefined;
  /** The From header of every mail the app sends. */
  mailFrom: string;
  /** Who may reach /admin and with which passkeys: the admin feature's policy. */
  admin: AdminConfig;
  /**
   * Addresses (IPs or CIDR ranges) of the reverse proxies in front of the app, whose entries in
   * X-Forwarded-For are skipped to find the client (lib/http/client-ip.ts). Empty: no proxy.
   */
  trustedProxies: string[];
  /** redis://… when set: rate-limit counts live in Redis instead of PostgreSQL (lib/rate-limit/). */
  redisUrl: string | undefined;
  isProduction: boolean;
};

/**
 * Which passkeys admit an admin (the admin feature's policy). "attested": device-bound, as verified
 * attestation from a trusted maker proves; "claimed": device-bound, as the authenticator says of
 * itself, unverified; "off": any passkey.
 */
export const ADMIN_PASSKEY_POLICIES = ["attested", "claimed", "off"] as const;
export type AdminPasskeyPolicy = (typeof ADMIN_PASSKEY_POLICIES)[number];

export type AdminConfig = {
  /** Addresses whose accounts are created as admins (lower-case). */
  emails: string[];
  passkeyPolicy: AdminPasskeyPolicy;
  /** When not empty, only passkeys from these authenticator models (AAGUIDs, lower-case) admit an admin. */
  allowedAaguids: string[];
  /** Attestation trust anchors of the admin feature: PEM roots, a file or a folder of them. */
  attestationRoots: string | undefined;
  /** A FIDO Metadata Service (MDS3) blob, as downloaded from https://mds3.fidoalliance.org/. */
  mdsBlob: string | undefined;
  /** What an admin's registration asks for: "enterprise" only where browsers are set up to allow it. */
  attestationConveyance: "direct" | "enterprise";
};

/** Local, git-ignored state: the embedded database and the development secret. */
export const DATA_DIR = path.join(process.cwd(), ".data");

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function readServerConfig(
  env: Record<string, string | undefined> = process.env,
  dataDir = DATA_DIR,
): ServerConfig {
  const isProduction = env.NODE_ENV === "production";
  // Locally the app is wherever `next dev`/`next start` listens; anywhere else, say where it is.
  const appUrl = parseOrigin(
    "BETTER_AUTH_URL",
    env.BETTER_AUTH_URL ?? `http://localhost:${env.PORT || 3000}`,
  );
  const extraOrigins = (env.TRUSTED_ORIGINS ?? "")
    .split(",")
    .map((origin) => origin.trim())
    .filter(Boolean)
    .map((origin) => parseOrigin("TRUSTED_ORIGINS", origin));

  return {
    appUrl,
    rpId: env.PASSKEY_RP_ID || new URL(appUrl).hostname,
    rpName: env.PASSKEY_RP_NAME || site.name,
    origins: [appUrl, ...extraOrigins],
    secret: readSecret(env.BETTER_AUTH_SECRET, isProduction, dataDir),
    databaseUrl: env.DATABASE_URL || undefined,
    pgliteDir: env.PGLITE_DIR || path.join(dataDir, "pglite"),
    stepUpWindowSeconds: parseSeconds("STEP_UP_WINDOW_SECONDS", env.STEP_UP_WINDOW_SECONDS, 5 * 60),
    signUpAnswerFloorMs: parseMilliseconds("SIGN_UP_ANSWER_FLOOR_MS", env.SIGN_UP_ANSWER_FLOOR_MS, 1000),
    smtpUrl: readSmtpUrl(env.SMTP_URL, isProduction),
    mailFrom: env.MAIL_FROM || `${site.name} <no-reply@${new URL(appUrl).hostname}>`,
    admin: readAdminConfig(env),
    trustedProxies: readTrustedProxies(env.TRUSTED_PROXIES),
    redisUrl: readRedisUrl(env.REDIS_URL),
    isProduction,
  };
}

function readAdminConfig(env: Record<string, string | undefined>): AdminConfig {
  const allowedAaguids = commaList(env.ADMIN_ALLOWED_AAGUIDS);
  const malformed = allowedAaguids.find(
    (aaguid) => !/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/.test(aaguid),
  );
  if (malformed) {
    throw new ConfigError(
      `ADMIN_ALLOWED_AAGUIDS must list AAGUIDs such as ee882879-721c-4913-9775-3dfcce97072a; got "${malformed}".`,
    );
  }
  if (env.ADMIN_REQUIRE_DEVICE_BOUND !== undefined) {
    throw new ConfigError(
      "ADMIN_REQUIRE_DEVICE_BOUND is replaced by ADMIN_PASSKEY_POLICY: attested (true, now verified), claimed (true, as before) or off (false).",
    );
  }
  // `next dev` has no trust anchors unless its developer sets some, and would keep every admin out;
  // everything else (production, the tests) gets the policy production runs.
  const passkeyPolicy = env.ADMIN_PASSKEY_POLICY || (env.NODE_ENV === "development" ? "claimed" : "attested");
  if (!isAdminPasskeyPolicy(passkeyPolicy)) {
    throw new ConfigError(
      `ADMIN_PASSKEY_POLICY must be ${ADMIN_PASSKEY_POLICIES.join(", ")}; got "${passkeyPolicy}".`,
    );
  }
  const attestationConveyance = env.ADMIN_ATTESTATION_CONVEYANCE || "direct";
  if (attestationConveyance !== "direct" && attestationConveyance !== "enterprise") {
    throw new ConfigError(
      `ADMIN_ATTESTATION_CONVEYANCE must be "direct" or "enterprise"; got "${attestationConveyance}".`,
    );
  }
  return {
    emails: commaList(env.ADMIN_EMAILS),
    passkeyPolicy,
    allowedAaguids,
    attestationRoots: existingPath("ADMIN_ATTESTATION_ROOTS", env.ADMIN_ATTESTATION_ROOTS),
    mdsBlob: existingPath("FIDO_MDS_BLOB", env.FIDO_MDS_BLOB),
    attestationConveyance,
  };
}

function isAdminPasskeyPolicy(value: string): value is AdminPasskeyPolicy {
  return (ADMIN_PASSKEY_POLICIES as readonly string[]).includes(value);
}

function existingPath(name: string, value: string | undefined): string | undefined {
  if (!value) return undefined;
  const resolved = path.resolve(value);
  if (!existsSync(resolved)) throw new ConfigError(`${name} names "${value}", which does not exist.`);
  return resolved;
}

function commaList(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean);
}

function readSmtpUrl(value: string | undefined, isProduction: boolean): string | undefined {
  if (!value) {
    if (isProduction) {
      throw new ConfigError(
        "SMTP_URL is not set: production mail (sign-up links, security notices) needs an SMTP server, e.g. smtps://user:password@smtp.example.com:465.",
      );
    }
    return undefined;
  }
  if (!/^smtps?:$/.test(safeProtocol(value))) {
    throw new ConfigError(
      `SMTP_URL must start with smtp:// or smtps://; got "${value.replace(/\/\/[^@/]*@/, "//…@")}".`,
    );
  }
  return value;
}

function readTrustedProxies(value: string | undefined): string[] {
  const entries = (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const invalid = findInvalidTrustedProxies(entries);
  if (invalid.length > 0) {
    throw new ConfigError(
      `TRUSTED_PROXIES must list IP addresses or CIDR ranges, e.g. 10.0.0.0/8,192.0.2.7; not ${invalid.map((entry) => `"${entry}"`).join(", ")}.`,
    );
  }
  return entries;
}

function readRedisUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (!/^rediss?:$/.test(safeProtocol(value))) {
    throw new ConfigError(
      `REDIS_URL must start with redis:// or rediss://; got "${value.replace(/\/\/[^@/]*@/, "//…@")}".`,
    );
  }
  return value;
}

function safeProtocol(value: string): string {
  try {
    return new URL(value).protocol;
  } catch {
    return "";
  }
}

function parseOrigin(name: string, value: string): string {
  try {
    return new URL(value).origin;
  } catch {
    throw new ConfigError(`${name} must be an absolute URL such as https://app.example.com; got "${value}".`);
  }
}

function parseMilliseconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const milliseconds = Number(value);
  if (!Number.isInteger(milliseconds) || milliseconds < 0) {
    throw new ConfigError(`${name} must be a whole number of milliseconds, 0 or more; got "${value}".`);
  }
  return milliseconds;
}

function parseSeconds(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const seconds = Number(value);
  // 0 would make every sensitive change impossible, which is never what this setting is for.
  if (!Number.isInteger(seconds) || seconds < 1) {
    throw new ConfigError(`${name} must be a whole number of seconds, 1 or more; got "${value}".`);
  }
  return seconds;
}

const SECRET_HINT =
  "set BETTER_AUTH_SECRET to at least 32 random characters, e.g. the output of `openssl rand -base64 32`.";

function readSecret(secret: string | undefined, isProduction: boolean, dataDir: string): string {
  if (secret) {
    if (secret.length < 32) throw new ConfigError(`BETTER_AUTH_SECRET is too short: ${SECRET_HINT}`);
    return secret;
  }
  if (isProduction) throw new ConfigError(`BETTER_AUTH_SECRET is not set: ${SECRET_HINT}`);
  return developmentSecret(dataDir);
}

/** Generated once and kept with the local data, so development sessions survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    // `wx` so two processes starting at once cannot each write a different secret.
    try {
      writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      return secret;
    } catch {
      return readFileSync(file, "utf8").trim();
    }
  }
}

let cached: ServerConfig | undefined;

export function serverConfig(): ServerConfig {
  cached ??= readServerConfig();
  return cached;
}
