import type { PasskeyOptions } from "@better-auth/passkey";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { sql } from "drizzle-orm";
import { signingPasskey } from "@/lib/auth/signing-passkey";
import { db } from "@/lib/db";
import { passkey, session } from "@/lib/db/schema";
import { webAuthnUserHandle } from "@/lib/passkeys/user-handle";
import type { PluginEvents } from "@/lib/security-activity/describe";
import { checkUserHandle } from "./authentication";
import { PASSKEY_POLICY_ERROR_CODES } from "./error-codes";
import { checkRename, removeUnlessLast } from "./management";
import { PASSKEY_EVENTS, recordPasskeyAdded, recordPasskeyRenamed, rememberPasskey } from "./passkey-events";
import {
  checkRegistrationBody,
  explainRegistrationRefusal,
  registeringUser,
  registrationContext,
  withRegistrationRules,
} from "./registration";
import { authenticationResponseSchema } from "./webauthn-response";

/**
 * What the app asks of every passkey beyond what @better-auth/passkey enforces by itself.
 *
 * The plugin verifies with @simplewebauthn/server but lets any authenticator through without
 * user verification, answers a second registration of one credential (and any malformed
 * registration) with a 500, puts the passkey's nickname in the OS prompt, gives every passkey of
 * an account a different user handle, lets a user remove their last way in, and keeps no
 * last-used time. Each rule below closes one of those gaps through the plugin's own options and
 * Better Auth hooks, so the plugin's endpoints stay the only way to the passkey table.
 */

export { PASSKEY_POLICY_ERROR_CODES };

type Registration = NonNullable<PasskeyOptions["registration"]>;

/**
 * Options for `passkey()`: ask authenticators for what the server will insist on, and insist on it
 * in the plugin's own afterVerification hooks, on the result of its one verification.
 * `registration` is the rest of that option (sign-up's), whose afterVerification runs once
 * the app's rules have passed.
 */
export function passkeyPolicyOptions(
  registration: Registration,
): Pick<PasskeyOptions, "authenticatorSelection" | "authentication" | "registration"> {
  return {
    // A discoverable credential is what makes username-less autofill sign-in possible.
    authenticatorSelection: { residentKey: "required", userVerification: "required" },
    authentication: {
      async afterVerification({ verification }) {
        // WebAuthn §7.2 step 17: a passkey is one factor only when the authenticator verified the user.
        if (!verification.authenticationInfo.userVerified) {
          throw APIError.from("UNAUTHORIZED", PASSKEY_POLICY_ERROR_CODES.USER_VERIFICATION_REQUIRED);
        }
      },
    },
    registration: withRegistrationRules(registration),
  };
}

const on = (path: string) => (ctx: { path?: string }) => ctx.path === path;

/** Hooks around the plugin's endpoints, and the columns it does not know about. */
export function passkeyPolicy() {
  return {
    id: "passkey-policy",
    options: { events: PASSKEY_EVENTS } satisfies PluginEvents,
    schema: {
      passkey: { fields: { lastUsedAt: { type: "date", required: false } } },
      // Which passkey signed this session in, so settings can point it out.
      session: { fields: { passkeyId: { type: "string", required: false, input: false } } },
    },
    // A passkey sign-in's session names its passkey as it is written, and the plugin's counter
    // update records when the passkey was used (lib/passkeys/sign-in-reads.ts): no statement of
    // its own for either.
    init: () => ({
      options: {
        databaseHooks: {
          session: {
            create: {
              before: async (session, ctx) => {
                if (ctx?.path !== "/passkey/verify-authentication") return;
                const signing = await signingPasskey();
                if (signing?.userId !== session.userId) return;
                return { data: { ...session, passkeyId: signing.id } };
              },
            },
          },
        },
      },
    }),
    hooks: {
      before: [
        {
          // The plugin uses `?name=` (the nickname) as WebAuthn user.name, the account label in the
          // OS passkey prompt. Blanking it makes the plugin fall back to the user's email; the
          // nickname still reaches the database through verify-registration's body. (The person's
          // name becomes user.displayName: see the after hook.)
          matcher: on("/passkey/generate-register-options"),
          handler: createAuthMiddleware(async (ctx) => ({
            context: { query: { ...ctx.query, name: "", ...(await registrationContext(ctx)) } },
          })),
        },
        {
          matcher: on("/passkey/verify-registration"),
          handler: createAuthMiddleware(async (ctx) => checkRegistrationBody(ctx)),
        },
        {
          matcher: on("/passkey/verify-authentication"),
          handler: createAuthMiddleware(async (ctx) => {
            const assertion = authenticationResponseSchema.safeParse(ctx.body?.response);
            if (!assertion.success) {
              throw APIError.from("BAD_REQUEST", PASSKEY_POLICY_ERROR_CODES.INVALID_PASSKEY_RESPONSE);
            }
            await checkUserHandle(ctx, assertion.data);
          }),
        },
        {
          matcher: on("/passkey/update-passkey"),
          handler: createAuthMiddleware(async (ctx) => {
            await checkRename(ctx);
            await rememberPasskey(ctx);
          }),
        },
        { matcher: on("/passkey/delete-passkey"), handler: createAuthMiddleware(removeUnlessLast) },
      ],
      after: [
        {
          matcher: on("/passkey/generate-register-options"),
          handler: createAuthMiddleware(async (ctx) => {
            const options = ctx.context.returned;
            if (!options || typeof options !== "object" || !("user" in options)) return;
            const registering = await registeringUser(ctx);
            if (!registering) return;
            // The plugin draws a random user handle per passkey; one per account is what lets the
            // browser group an account's passkeys and the Signal API name the account. It also
            // gives the email as the display name; the person's own name is what they know the
            // account by, while the email (user.name) tells two accounts of one person apart.
            const user = {
              ...(options.user as object),
              id: webAuthnUserHandle(registering.id),
              displayName: registering.name,
            };
            return ctx.json({ ...options, user });
          }),
        },
        {
          matcher: on("/passkey/verify-registration"),
          handler: createAuthMiddleware(async (ctx) => {
            await recordPasskeyAdded(ctx);
            // A sign-up's first passkey signs its account in: that is its first use.
            const signedIn = ctx.context.newSession;
            const credentialId = ctx.body?.response?.id;
            if (signedIn && typeof credentialId === "string" && !isAPIError(ctx.context.returned)) {
              await recordPasskeyUse(credentialId, signedIn.session.id);
            }
            return explainRegistrationRefusal(ctx);
          }),
        },
        { matcher: on("/passkey/update-passkey"), handler: createAuthMiddleware(recordPasskeyRenamed) },
        {
          // The plugin hard-codes "preferred"; say "required" so that an authenticator which cannot
          // verify the user is refused by the browser before the user is asked to touch it.
          matcher: on("/passkey/generate-authenticate-options"),
          handler: createAuthMiddleware(async (ctx) => {
            const options = ctx.context.returned;
            if (options && typeof options === "object" && "challenge" in options) {
              return ctx.json({ ...options, userVerification: "required" });
            }
          }),
        },
      ],
    },
    $ERROR_CODES: PASSKEY_POLICY_ERROR_CODES,
  } satisfies BetterAuthPlugin;
}

/** A sign-up's first passkey: when it was used and the session it signed in, in one statement. */
function recordPasskeyUse(credentialId: string, sessionId: string) {
  return db().execute(sql`
    with used as (
      update ${passkey} set ${sql.identifier(passkey.lastUsedAt.name)} = now()
      where ${passkey.credentialID} = ${credentialId}
      returning ${passkey.id}
    )
    update ${session}
    set ${sql.identifier(session.passkeyId.name)} = used.id, ${sql.identifier(session.updatedAt.name)} = now()
    from used
    where ${session.id} = ${sessionId}`);
}
