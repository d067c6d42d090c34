import { passkey } from "@better-auth/passkey";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { ROLES, roleForNewAccount } from "@/lib/admin/roles";
import { db } from "@/lib/db";
import * as schema from "@/lib/db/schema";
import { serverConfig } from "@/lib/env";
import { passkeyPolicy, passkeyPolicyOptions } from "./auth/passkey-policy";
import { recoveryCodes } from "./auth/recovery-codes/server";
import { stepUp } from "./auth/step-up";
import { sendEmailChangeVerification } from "./auth/step-up/email-change";

function createAuth() {
  const config = serverConfig();
  const relyingParty = { rpID: config.rpId, origin: config.origins };
  return betterAuth({
    appName: config.rpName,
    baseURL: config.appUrl,
    secret: config.secret,
    trustedOrigins: config.origins,
    database: drizzleAdapter(db(), { provider: "pg", schema, transaction: true }),
    emailAndPassword: { enabled: true },
    user: {
      additionalFields: {
        // Readable on the session's user; never settable by a client (input: false): update-user
        // refuses a `role`, and sign-up's is replaced by the hook below. See lib/auth/admin-policy.ts.
        role: { type: [...ROLES], required: false, defaultValue: "user", input: false },
      },
      // The new address receives a link; the email changes only when it is followed.
      changeEmail: { enabled: true },
      deleteUser: { enabled: true },
    },
    emailVerification: { sendVerificationEmail: sendEmailChangeVerification },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => ({
            data: { ...user, role: roleForNewAccount(user.email, config.admin.emails) },
          }),
        },
      },
    },
    // Better Auth's "signed in within freshAge" rule is off: sensitive endpoints ask for a recent
    // step-up instead (lib/auth/step-up), which also covers the passkey plugin's registration.
    session: { freshAge: 0 },
    telemetry: { enabled: false },
    // Better Auth skips its Origin/CSRF check when it detects a test runner; keep it on everywhere,
    // so that the tests exercise what production runs.
    advanced: { disableOriginCheck: false },
    plugins: [
      passkey({ ...relyingParty, rpName: config.rpName, ...passkeyPolicyOptions() }),
      // Before the passkey policy, so that a session that has not stepped up learns nothing more.
      stepUp(relyingParty),
      passkeyPolicy(relyingParty),
      recoveryCodes(),
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
