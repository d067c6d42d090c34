import { passkey } from "@better-auth/passkey";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { serverConfig } from "@/config/env";
import { site } from "@/config/site";
import { personNames } from "@/lib/account/person-names";
import { emailChange } from "@/lib/account/server";
import { withAttestationFacts, withAttestationFactsStored } from "@/lib/admin/attestation/plugin";
import { admin } from "@/lib/admin/plugin";
import { authLogger } from "@/lib/auth/logger";
import { db } from "@/lib/db";
import * as schema from "@/lib/db/schema";
import { ipAddressOptions } from "@/lib/http/client-ip";
import { passkeyUpgrade } from "@/lib/passkey-upgrade/server";
import { passkeyPolicy, passkeyPolicyOptions } from "@/lib/passkeys/policy";
import { withPasskeyRegistrationReads } from "@/lib/passkeys/registration-reads";
import { withPasskeySignInReads } from "@/lib/passkeys/sign-in-reads";
import { passwords } from "@/lib/password/server";
import { betterAuthRateLimitStorage } from "@/lib/rate-limit";
import { recoveryCodes } from "@/lib/recovery-codes/server";
import { securityActivity } from "@/lib/security-activity/plugin";
import { sessionRevocation } from "@/lib/sessions/server";
import { passkeySignUpRegistration } from "@/lib/sign-up/passkey-registration";
import { emailAndPasswordOptions, signUp } from "@/lib/sign-up/server";
import { stepUp } from "@/lib/step-up/server";
import { accessRules } from "./auth/access";
import { inputRules } from "./auth/input-rules";
import { betterAuthRateLimitRules, DEFAULT_AUTH_RATE_LIMIT } from "./auth/rate-limits";
import { secretChecks } from "./auth/secret-checks";
import { authSurface, surfaceOfOptions } from "./auth/surface";

function createAuth() {
  const config = serverConfig();
  const relyingParty = { rpID: config.rpId, origin: config.origins };
  const plugins = [
    // First, so that no other hook reads input a column or an index cannot take.
    inputRules(),
    // Early, so that a request to change the email is timed from its arrival.
    emailChange(),
    passkey({
      ...relyingParty,
      rpName: config.rpName,
      ...passkeyPolicyOptions(withAttestationFacts(passkeySignUpRegistration())),
    }),
    // First who may call what (lib/auth/surface.ts), then the budget of secret checks, so that a
    // caller without the right session spends nothing, and a spent budget answers before any
    // secret is looked at.
    accessRules(),
    secretChecks(),
    // Before the passkey policy, so that a session that has not stepped up learns nothing more.
    stepUp(relyingParty),
    passkeyPolicy(),
    admin(),
    recoveryCodes(),
    sessionRevocation(),
    securityActivity(),
    personNames(),
    passwords(),
    signUp(),
    passkeyUpgrade(),
    // Last, so cookies set by any endpoint called from a server action reach the browser.
    nextCookies(),
  ];
  const surface = authSurface(plugins);
  return betterAuth({
    appName: site.name,
    baseURL: config.appUrl,
    secret: config.secret,
    trustedOrigins: config.origins,
    // The passkey plugin's writes and reads changed where it has no hook: lib/auth/adapter-overrides.ts.
    database: withAttestationFactsStored(
      withPasskeyRegistrationReads(
        withPasskeySignInReads(drizzleAdapter(db(), { provider: "pg", schema, transaction: true })),
      ),
    ),
    ...emailAndPasswordOptions(),
    user: {
      deleteUser: { enabled: true },
    },
    // Better Auth's "signed in within freshAge" rule is off: sensitive endpoints ask for a recent
    // step-up instead (lib/auth/access.ts), which also covers the passkey plugin's registration.
    session: { freshAge: 0 },
    telemetry: { enabled: false },
    // Everything the product does not call (lib/auth/surface.ts); the API's front door denies any
    // path that table does not serve, this list included.
    disabledPaths: surface.disabledPaths,
    logger: authLogger(),
    // On in every environment (Better Auth's default is production only), with the app's limits,
    // counted in the one store every instance shares. Only the counts go there: Better Auth's
    // `secondaryStorage` would also move sessions and challenges out of PostgreSQL, where the
    // sessions page, step-up and the admin policy query them.
    rateLimit: {
      enabled: true,
      max: DEFAULT_AUTH_RATE_LIMIT.max,
      window: DEFAULT_AUTH_RATE_LIMIT.windowSeconds,
      customRules: betterAuthRateLimitRules(surface),
      customStorage: betterAuthRateLimitStorage,
    },
    advanced: {
      // Better Auth skips its Origin/CSRF check when it detects a test runner; keep it on
      // everywhere, so that the tests exercise what production runs.
      disableOriginCheck: false,
      ipAddress: ipAddressOptions(),
      // A session and its user (and an account and its user) in one statement rather than two:
      // every signed-in request reads them. The relations are in lib/db/schema.ts.
      database: { joins: true },
    },
    plugins,
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

/** The whole auth API as this instance serves it (lib/auth/surface.ts): core rows and every plugin's. */
export function apiSurface() {
  return surfaceOfOptions(auth().options);
}
