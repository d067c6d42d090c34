import { runWithTransaction } from "@better-auth/core/context";
import type { BetterAuthOptions, BetterAuthPlugin, User } from "better-auth";
import { APIError, createAuthEndpoint, getSessionFromCtx } from "better-auth/api";
import { setSessionCookie } from "better-auth/cookies";
import * as z from "zod";
import type { HookContext } from "@/lib/auth/hook-context";
import { checkNewPassword } from "@/lib/auth/new-password";
import { requestFacts } from "@/lib/auth/request-facts";
import type { PluginSurface } from "@/lib/auth/surface";
import { isRecipientRefused, type Mail } from "@/lib/mail";
import { sendRequestedMail } from "@/lib/mail/requested";
import type { PluginEvents } from "@/lib/security-activity/describe";
import { recordSecurityEvent } from "@/lib/security-log/events";
import { deleteAbandonedSignUps } from "./abandoned";
import { createSignUpAccount } from "./account";
import { SIGN_UP_ERROR_CODES } from "./error-codes";
import { evenSignUpTiming } from "./even-timing";
import { SIGN_UP_EVENTS } from "./events";
import { existingAccountMail, finishSignUpMail } from "./mail";
import { consumePendingSignUp, createPendingSignUp, pendingSignUpKey } from "./pending";
import { usablePendingSignUp } from "./usable-link";

export { SIGN_UP_ERROR_CODES };

type AuthContext = HookContext["context"];

const signUpBody = z.object({
  // Already held to the person-name rule, and trimmed, by lib/account/person-names.ts.
  name: z.string(),
  email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
});

// The mailed token: 32 random bytes in base64url.
const mailedToken = z.string().max(100);

const checkLinkBody = z.object({ token: mailedToken });

const finishWithPasswordBody = z.object({ token: mailedToken, password: z.string() });

/**
 * Sends a sign-up mail, counted against its recipient's cap (lib/mail/requested.ts). When it does
 * not go, over the cap or because the mail server failed, `undo` takes back the pending sign-up it
 * carried a link to, since nobody could ever finish it. When the mail server refused the address,
 * the answer is a 400 that says so; it names no account: a new address and a taken one are refused
 * alike, whichever of the two mails it was.
 */
async function sendSignUpMail(mail: Mail, undo: () => Promise<unknown> = async () => {}): Promise<void> {
  try {
    if (await sendRequestedMail(mail)) return;
  } catch (error) {
    await undo();
    if (isRecipientRefused(error))
      throw APIError.from("BAD_REQUEST", SIGN_UP_ERROR_CODES.EMAIL_UNDELIVERABLE);
    throw error;
  }
  await undo();
}

/** What takes back a pending sign-up whose link could not be mailed. */
function dropPendingSignUp(context: AuthContext, token: string) {
  return () => consumePendingSignUp(context.internalAdapter, pendingSignUpKey(token));
}

function appUrl(context: AuthContext, path: string): string {
  return new URL(path, new URL(context.baseURL).origin).toString();
}

/**
 * The link that finishes a sign-up: its page creates a passkey, or takes a password. The token
 * rides in the fragment, so it never reaches a server log or a Referer header.
 */
function finishSignUpUrl(context: AuthContext, token: string): string {
  return `${appUrl(context, "/sign-up/passkey")}#token=${token}`;
}

/** Mails a link that finishes a new sign-up for `email`, whoever asked for it. */
async function mailFinishLink(context: AuthContext, email: string, name: string): Promise<void> {
  const token = await createPendingSignUp(context.internalAdapter, { email, name });
  await sendSignUpMail(
    finishSignUpMail(email, finishSignUpUrl(context, token)),
    dropPendingSignUp(context, token),
  );
}

/**
 * What someone who tries to sign up with an email that has an account gets, by mail only. An
 * account that was never confirmed has never signed in and belongs to nobody yet: the owner of the
 * address may finish signing up, which replaces it (see `createSignUpAccount`).
 */
async function mailExistingAccount(context: AuthContext, user: User, name: string): Promise<void> {
  if (user.emailVerified) await sendSignUpMail(existingAccountMail(user.email, appUrl(context, "/sign-in")));
  else await mailFinishLink(context, user.email, name);
}

/**
 * Better Auth options for passwords. A password signs in to an account that has one; only the
 * holder of a sign-up link sets it (`/sign-up/password` below), so Better Auth's own
 * `/sign-up/email`, which takes a password from whoever types an address, is off
 * (lib/auth/surface.ts), and so is its `/verify-email`: no flow mails Better Auth's links, and one
 * left from the password form of earlier versions, which would hand an account, signed in, to
 * whoever opened it, reaches nothing.
 */
export function emailAndPasswordOptions(): Pick<BetterAuthOptions, "emailAndPassword"> {
  return {
    emailAndPassword: {
      enabled: true,
      // An account whose address nobody confirmed (lib/sign-up/abandoned.ts) does not sign in, and
      // the attempt mails nothing (Better Auth's `emailVerification.sendOnSignIn` stays off).
      requireEmailVerification: true,
    },
  };
}

/**
 * Sign-up. `/sign-up/passkey` takes a name and an email, answers "check your inbox" for every
 * email, and mails a link to `/sign-up/passkey#token=…`; only whoever opens it chooses the
 * account's credential, so that nobody can set one for an address they do not own. There, one tap
 * runs the passkey plugin's sessionless registration (`resolveUser` names the account-to-be from
 * the token, and `afterVerification` creates it inside the plugin's transaction), or
 * `/sign-up/password` takes a password instead: either way the user row, the credential and the
 * session are stored together or not at all.
 */
export function signUp() {
  return {
    id: "sign-up",
    options: {
      surface: {
        "/sign-up/passkey": {
          access: "anyone",
          perAddress: { max: 5, windowSeconds: 60 },
          logs: [],
          usedBy: "sign-up page",
        },
        "/sign-up/check-link": {
          // Reads the pending sign-up and changes nothing; the mailed token is the proof.
          access: "anyone",
          perAddress: { max: 10, windowSeconds: 60 },
          logs: [],
          usedBy: "sign-up link page, as it opens",
        },
        "/sign-up/password": {
          // The mailed token is the proof: 256 random bits, single use, an hour.
          access: "anyone",
          perAddress: { max: 10, windowSeconds: 60 },
          logs: ["account_created"],
          usedBy: "sign-up link page, password form",
        },
      },
      events: SIGN_UP_EVENTS,
    } satisfies PluginSurface & PluginEvents,
    init() {
      return {
        options: {
          databaseHooks: {
            user: {
              create: {
                // Runs after the transaction commits: a rolled-back sign-up records nothing.
                async after(user, ctx) {
                  await recordSecurityEvent({
                    type: "account_created",
                    userId: user.id,
                    request: ctx ? requestFacts(ctx) : { ipAddress: null, userAgent: null },
                    details: { method: ctx?.path === "/sign-up/password" ? "password" : "passkey" },
                  });
                },
              },
            },
          },
        },
      };
    },
    endpoints: {
      startPasskeySignUp: createAuthEndpoint(
        "/sign-up/passkey",
        { method: "POST", body: signUpBody },
        async (ctx) => {
          const { name, email } = ctx.body;
          if (await getSessionFromCtx(ctx)) throw APIError.from("BAD_REQUEST", SIGN_UP_ERROR_CODES.SIGNED_IN);
          await deleteAbandonedSignUps();
          // One lookup and one mail either way; only the mail says which.
          const existing = await ctx.context.internalAdapter.findUserByEmail(email);
          if (existing) await mailExistingAccount(ctx.context, existing.user, name);
          else await mailFinishLink(ctx.context, email, name);
          return ctx.json({ status: "check_inbox" as const });
        },
      ),

      /**
       * Whether the mailed link can still finish a sign-up, asked as its page opens, so that a dead
       * link says so before anyone creates a passkey or chooses a password. It consumes nothing.
       */
      checkSignUpLink: createAuthEndpoint(
        "/sign-up/check-link",
        { method: "POST", body: checkLinkBody },
        async (ctx) => {
          await usablePendingSignUp(ctx.context.internalAdapter, pendingSignUpKey(ctx.body.token));
          return ctx.json({ status: "usable" as const });
        },
      ),

      finishSignUpWithPassword: createAuthEndpoint(
        "/sign-up/password",
        { method: "POST", body: finishWithPasswordBody },
        async (ctx) => {
          const { token, password } = ctx.body;
          if (await getSessionFromCtx(ctx)) throw APIError.from("BAD_REQUEST", SIGN_UP_ERROR_CODES.SIGNED_IN);
          checkNewPassword(ctx.context, password);
          const { internalAdapter } = ctx.context;
          const key = pendingSignUpKey(token);
          // A made-up token, or a dead link, costs a lookup, never a password hash.
          await usablePendingSignUp(internalAdapter, key);
          const hash = await ctx.context.password.hash(password);
          const { user, session } = await runWithTransaction(ctx.context.adapter, async () => {
            // Single use: of two tabs finishing one link, one gets the pending sign-up.
            const pending = await consumePendingSignUp(internalAdapter, key);
            if (!pending) throw APIError.from("BAD_REQUEST", SIGN_UP_ERROR_CODES.SIGN_UP_LINK_INVALID);
            const user = await createSignUpAccount(internalAdapter, pending, "email-password");
            await internalAdapter.linkAccount({
              userId: user.id,
              providerId: "credential",
              accountId: user.id,
              password: hash,
            });
            return { user, session: await internalAdapter.createSession(user.id) };
          });
          await setSessionCookie(ctx, { session, user });
          return ctx.json({ status: "account_created" as const });
        },
      ),
    },
    hooks: evenSignUpTiming(),
    $ERROR_CODES: SIGN_UP_ERROR_CODES,
  } satisfies BetterAuthPlugin;
}
