import { passkey } from "@better-auth/passkey";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { db } from "@/lib/db";
import * as schema from "@/lib/db/schema";
import { serverConfig } from "@/lib/env";
import { passkeyPolicy, passkeyPolicyOptions } from "./auth/passkey-policy";
import { passkeyUpgrade } from "./auth/passkey-upgrade/server";
import { recoveryCodes } from "./auth/recovery-codes/server";
import { passkeySignUpRegistration } from "./auth/sign-up/passkey-registration";
import { passwordSignUpOptions, signUp } from "./auth/sign-up/server";

function createAuth() {
  const config = serverConfig();
  const relyingParty = { rpID: config.rpId, origin: config.origins };
  return betterAuth({
    appName: config.rpName,
    baseURL: config.appUrl,
    secret: config.secret,
    trustedOrigins: config.origins,
    database: drizzleAdapter(db(), { provider: "pg", schema, transaction: true }),
    ...passwordSignUpOptions(),
    session: { freshAge: config.sessionFreshAgeSeconds },
    telemetry: { enabled: false },
    // Better Auth skips its Origin/CSRF check when it detects a test runner; keep it on everywhere,
    // so that the tests exercise what production runs.
    advanced: { disableOriginCheck: false },
    plugins: [
      passkey({
        ...relyingParty,
        rpName: config.rpName,
        ...passkeyPolicyOptions(),
        registration: passkeySignUpRegistration(),
      }),
      passkeyPolicy(relyingParty),
      recoveryCodes(),
      signUp(),
      passkeyUpgrade(),
      // Last, so cookies set by any endpoint called from a server action reach the browser.
      nextCookies(),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;

let instance: Auth | undefined;

/**
 * The server instance, created on first use: importing this module (as `next build` does) opens no
 * database and needs no secret. Module-level rather than global, so that editing auth code in
 * development takes effect on reload; the database connection underneath is the shared one.
 */
export function auth(): Auth {
  instance ??= createAuth();
  return instance;
}
