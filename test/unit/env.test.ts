import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ConfigError, readServerConfig } from "@/config/env";
import { site } from "@/config/site";

const SECRET = "s".repeat(32);
const freshDataDir = () => mkdtempSync(path.join(tmpdir(), "keyhold-env-"));

describe("server configuration", () => {
  it("defaults to the local development origin, with localhost as the relying party", () => {
    const config = readServerConfig({ BETTER_AUTH_SECRET: SECRET });

    expect(config).toMatchObject({
      appUrl: "http://localhost:3000",
      rpId: "localhost",
      rpName: site.name,
      origins: ["http://localhost:3000"],
      databaseUrl: undefined,
    });
  });

  it("follows the port the server listens on when no public URL is set", () => {
    const config = readServerConfig({ BETTER_AUTH_SECRET: SECRET, PORT: "3005" });

    expect(config).toMatchObject({ appUrl: "http://localhost:3005", rpId: "localhost" });
  });

  it("derives the relying party from the public URL, and accepts an explicit one", () => {
    const derived = readServerConfig({
      BETTER_AUTH_SECRET: SECRET,
      BETTER_AUTH_URL: "https://app.example.com/",
    });
    const explicit = readServerConfig({
      BETTER_AUTH_SECRET: SECRET,
      BETTER_AUTH_URL: "https://app.example.com",
      PASSKEY_RP_ID: "example.com",
      TRUSTED_ORIGINS: "https://www.example.com, https://admin.example.com",
    });

    expect(derived).toMatchObject({ appUrl: "https://app.example.com", rpId: "app.example.com" });
    expect(explicit.rpId).toBe("example.com");
    expect(explicit.origins).toEqual([
      "https://app.example.com",
      "https://www.example.com",
      "https://admin.example.com",
    ]);
  });

  it("requires an SMTP server in production, and refuses one that is not SMTP", () => {
    expect(() => readServerConfig({ NODE_ENV: "production", BETTER_AUTH_SECRET: SECRET })).toThrow(
      /SMTP_URL is not set/,
    );
    expect(() =>
      readServerConfig({ BETTER_AUTH_SECRET: SECRET, SMTP_URL: "https://user:hunter2@mail.example.com" }),
    ).toThrow(/must start with smtp:\/\/ or smtps:\/\/; got "https:\/\/…@mail.example.com"/);
    const config = readServerConfig({
      NODE_ENV: "production",
      BETTER_AUTH_SECRET: SECRET,
      BETTER_AUTH_URL: "https://app.example.com",
      SMTP_URL: "smtps://user:pw@mail.example.com:465",
    });
    expect(config).toMatchObject({
      smtpUrl: "smtps://user:pw@mail.example.com:465",
      mailFrom: `${site.name} <no-reply@app.example.com>`,
    });
  });

  it("refuses a public URL that is not a URL", () => {
    expect(() =>
      readServerConfig({ BETTER_AUTH_SECRET: SECRET, BETTER_AUTH_URL: "app.example.com" }),
    ).toThrow(ConfigError);
  });

  it("requires a secret in production, and says how to make one", () => {
    expect(() => readServerConfig({ NODE_ENV: "production" }, freshDataDir())).toThrow(
      /BETTER_AUTH_SECRET is not set.*openssl rand/,
    );
  });

  it("reads how long a verification allows sensitive changes, and never lets it be switched off", () => {
    expect(readServerConfig({ BETTER_AUTH_SECRET: SECRET }).stepUpWindowSeconds).toBe(300);
    expect(
      readServerConfig({ BETTER_AUTH_SECRET: SECRET, STEP_UP_WINDOW_SECONDS: "60" }).stepUpWindowSeconds,
    ).toBe(60);
    for (const value of ["0", "-5", "1.5", "soon"]) {
      expect(() => readServerConfig({ BETTER_AUTH_SECRET: SECRET, STEP_UP_WINDOW_SECONDS: value })).toThrow(
        /STEP_UP_WINDOW_SECONDS/,
      );
    }
  });

  it("refuses a short secret anywhere", () => {
    expect(() => readServerConfig({ BETTER_AUTH_SECRET: "short" })).toThrow(/too short/);
  });

  it("generates a development secret once and keeps it with the local data", () => {
    const dataDir = freshDataDir();

    const first = readServerConfig({ NODE_ENV: "development" }, dataDir);
    const second = readServerConfig({ NODE_ENV: "development" }, dataDir);

    expect(first.secret.length).toBeGreaterThanOrEqual(32);
    expect(second.secret).toBe(first.secret);
    expect(readFileSync(path.join(dataDir, "auth-secret"), "utf8")).toBe(first.secret);
    expect(first.pgliteDir).toBe(path.join(dataDir, "pglite"));
  });

  it("stops a production server without a secret with one readable line", async () => {
    const script = 'import("./lib/startup/prepare-server.ts").then((module) => module.prepareServer())';
    const env = { PATH: process.env.PATH, NODE_ENV: "production" as const };

    const run = promisify(execFile)(path.resolve("node_modules/.bin/tsx"), ["-e", script], { env });

    const failure = await run.then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(
        new RegExp(`^${site.name} cannot start: BETTER_AUTH_SECRET is not set: .*openssl rand -base64 32`),
      ),
    ]);
  });

  it("reads the admin policy: verified attestation by default, listed addresses and AAGUIDs in lower case", () => {
    expect(readServerConfig({ BETTER_AUTH_SECRET: SECRET }).admin).toEqual({
      emails: [],
      passkeyPolicy: "attested",
      allowedAaguids: [],
      attestationRoots: undefined,
      mdsBlob: undefined,
      attestationConveyance: "direct",
    });
    expect(
      readServerConfig({
        BETTER_AUTH_SECRET: SECRET,
        ADMIN_EMAILS: " Ada@Example.com, ,grace@example.com ",
        ADMIN_PASSKEY_POLICY: "claimed",
        ADMIN_ALLOWED_AAGUIDS: "EE882879-721C-4913-9775-3DFCCE97072A",
        ADMIN_ATTESTATION_ROOTS: "package.json",
        ADMIN_ATTESTATION_CONVEYANCE: "enterprise",
      }).admin,
    ).toEqual({
      emails: ["ada@example.com", "grace@example.com"],
      passkeyPolicy: "claimed",
      allowedAaguids: ["ee882879-721c-4913-9775-3dfcce97072a"],
      attestationRoots: path.resolve("package.json"),
      mdsBlob: undefined,
      attestationConveyance: "enterprise",
    });
  });

  it("takes the authenticator's word for admins under next dev only, where no trust anchors are set up", () => {
    const policyIn = (NODE_ENV: string) =>
      readServerConfig({ NODE_ENV, BETTER_AUTH_SECRET: SECRET }).admin.passkeyPolicy;

    expect(policyIn("development")).toBe("claimed");
    expect(policyIn("test")).toBe("attested");
    expect(
      readServerConfig({ NODE_ENV: "production", BETTER_AUTH_SECRET: SECRET, SMTP_URL: "smtp://mail" }).admin
        .passkeyPolicy,
    ).toBe("attested");
  });

  it.each([
    ["ADMIN_PASSKEY_POLICY", "strict", /must be attested, claimed, off; got "strict"/],
    ["ADMIN_REQUIRE_DEVICE_BOUND", "true", /replaced by ADMIN_PASSKEY_POLICY: attested/],
    ["ADMIN_ATTESTATION_CONVEYANCE", "indirect", /must be "direct" or "enterprise"; got "indirect"/],
    ["ADMIN_ATTESTATION_ROOTS", "no/such/roots.pem", /names "no\/such\/roots.pem", which does not exist/],
    ["FIDO_MDS_BLOB", "no/such/blob.jwt", /names "no\/such\/blob.jwt", which does not exist/],
    ["ADMIN_ALLOWED_AAGUIDS", "yubikey", /must list AAGUIDs .* got "yubikey"/],
  ])("refuses a malformed %s", (name, value, message) => {
    expect(() => readServerConfig({ BETTER_AUTH_SECRET: SECRET, [name]: value })).toThrow(message);
  });

  it("reads the trusted proxies as IP addresses and CIDR ranges, and refuses anything else", () => {
    const config = readServerConfig({
      BETTER_AUTH_SECRET: SECRET,
      TRUSTED_PROXIES: " 10.0.0.0/8, 2001:db8::1 ,",
    });

    expect(config.trustedProxies).toEqual(["10.0.0.0/8", "2001:db8::1"]);
    expect(readServerConfig({ BETTER_AUTH_SECRET: SECRET }).trustedProxies).toEqual([]);
    for (const value of ["proxy.internal", "10.0.0.0/33", "10.0.0.0/8/1"]) {
      expect(() => readServerConfig({ BETTER_AUTH_SECRET: SECRET, TRUSTED_PROXIES: value })).toThrow(
        ConfigError,
      );
    }
  });

  it("takes a redis:// or rediss:// REDIS_URL only, without echoing its password", () => {
    expect(readServerConfig({ BETTER_AUTH_SECRET: SECRET, REDIS_URL: "rediss://r:6380" }).redisUrl).toBe(
      "rediss://r:6380",
    );
    expect(() =>
      readServerConfig({ BETTER_AUTH_SECRET: SECRET, REDIS_URL: "http://user:hunter2@r:6379" }),
    ).toThrow(/REDIS_URL must start with redis:\/\/ or rediss:\/\/; got "http:\/\/…@r:6379"/);
  });
});
