import { getCurrentAuthEndpointContext, queueAfterTransactionHook } from "@better-auth/core/context";
import type { BetterAuthOptions, BetterAuthPlugin, User } from "better-auth";
import { APIError, createAuthEndpoint, getSessionFromCtx } from "better-auth/api";
import * as z from "zod";
import { sendEmailChangeVerification } from "@/lib/account/email-change";
import type { HookContext } from "@/lib/auth/hook-context";
import { requestFacts } from "@/lib/auth/request-facts";
import type { PluginSurface } from "@/lib/auth/surface";
import { isRecipientRefused, type Mail, sendMail } from "@/lib/mail";
import { consumeRateLimit } from "@/lib/rate-limit";
import type { PluginEvents } from "@/lib/security-activity/describe";
import { recordSecurityEvent } from "@/lib/security-log/events";
import { SIGN_UP_ERROR_CODES } from "./error-codes";
import { evenSignUpTiming } from "./even-timing";
import { SIGN_UP_EVENTS } from "./events";
import { existingAccountMail, finishSignUpMail } from "./mail";
import {
  consumePendingSignUp,
  createPendingSignUp,
  PENDING_SIGN_UP_SECONDS,
  pendingSignUpKey,
} from "./pending";

export { SIGN_UP_ERROR_CODES };

type AuthContext = HookContext["context"];

/** Sign-up mails per address and hour: enough to retry, too few to flood someone's inbox. */
const MAILS_PER_EMAIL = { max: 5, windowSeconds: 60 * 60 };

const signUpBody = z.object({
  // Already held to the person-name rule, and trimmed, by lib/account/person-names.ts.
  name: z.string(),
  email: z.string().trim().toLowerCase().max(320).pipe(z.email()),
});

/**
 * Better Auth's sign-up runs in a transaction: a mail goes once it has committed, so that no mail
 * announces an account that was rolled back (and so that the mailer's own connection does not wait
 * on the transaction's). When the mail cannot go, `undo` takes back what the sign-up stored for it,
 * since nobody could ever finish it; when the mail server refused the address, the answer is a 400
 * that says so. It names no account: a new address and a taken one are refused alike, whichever of
 * the two mails it was.
 */
function sendMailAfterCommit(mail: Mail, undo: () => Promise<unknown> = async () => {}): Promise<void> {
  return queueAfterTransactionHook(() => sendMail(mail), {
    async onError(error) {
      await undo();
      if (isRecipientRefused(error))
        throw APIError.from("BAD_REQUEST", SIGN_UP_ERROR_CODES.EMAIL_UNDELIVERABLE);
      throw error;
    },
  });
}

/** What takes back a pending passkey sign-up whose link could not be mailed. */
function dropPendingSignUp(context: AuthContext, token: string) {
  return () => consumePendingSignUp(context.internalAdapter, pendingSignUpKey(token));
}

function appUrl(context: AuthContext, path: string): string {
  return new URL(path, new URL(context.baseURL).origin).toString();
}

/** The link that finishes a passkey-first sign-up. The token rides in the fragment, so it never reaches a server log or a Referer header. */
function finishWithPasskeyUrl(context: AuthContext, token: string): string {
  return `${appUrl(context, "/sign-up/passkey")}#token=${token}`;
}

/**
 * What someone who tries to sign up with an email that has an account gets, by mail only. An
 * account that was never confirmed has never signed in and belongs to nobody yet: the owner of the
 * address may finish signing up with a passkey, which replaces it (see `createSignUpAccount`).
 */
async function mailExistingAccount(context: AuthContext, user: User, name = user.name): Promise<void> {
  if (user.emailVerified) {
    await sendMailAfterCommit(existingAccountMail(user.email, appUrl(context, "/sign-in")));
    return;
  }
  const token = await createPendingSignUp(context.internalAdapter, { email: user.email, name });
  await sendMailAfterCommit(
    finishSignUpMail(user.email, finishWithPasskeyUrl(context, token)),
    dropPendingSignUp(context, token),
  );
}

/**
 * Better Auth options for the password form: the account exists only once the mailed link is
 * opened, and the form answers the same for a taken email (Better Auth answers with a made-up
 * user after hashing the password anyway, so that the timing matches too).
 */
export function passwordSignUpOptions(): Pick<BetterAuthOptions, "emailAndPassword" | "emailVerification"> {
  return {
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      async onExistingUserSignUp({ user }) {
        await mailExistingAccount(getCurrentAuthEndpointContext().context, user);
      },
    },
    emailVerification: {
      sendOnSignUp: true,
      // A password sign-in on an unconfirmed account mails a fresh link rather than a dead end.
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: PENDING_SIGN_UP_SECONDS,
      async sendVerificationEmail({ user, url }) {
        const { path, context } = getCurrentAuthEndpointContext();
        // Better Auth sends the same kind of link to prove a new address after /change-email.
        if (path === "/change-email") {
          await sendEmailChangeVerification({ user, url });
          return;
        }
        // On sign-up, the account was created unconfirmed a moment ago, for this link alone.
        const undo =
          path === "/sign-up/email" ? () => context.internalAdapter.deleteUser(user.id) : undefined;
        await sendMailAfterCommit(finishSignUpMail(user.email, url), undo);
      },
    },
  };
}

/**
 * Passkey-first sign-up. `/sign-up/passkey` answers "check your inbox" for every email; the mail
 * carries a link to `/sign-up/passkey#token=…`, where one tap runs the passkey plugin's sessionless
 * registration: `resolveUser` names the account-to-be from the token, and `afterVerification`
 * creates it inside the plugin's transaction, so that the user row, the passkey and the session
 * are stored together or not at all.
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
          usedBy: "sign-up page, passkey form",
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
                    details: { method: ctx?.path === "/sign-up/email" ? "password" : "passkey" },
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
          const verdict = await consumeRateLimit(`sign-up:email:${email}`, MAILS_PER_EMAIL);
          if (!verdict.allowed) {
            throw new APIError("TOO_MANY_REQUESTS", SIGN_UP_ERROR_CODES.TOO_MANY_SIGN_UPS, {
              "Retry-After": String(verdict.retryAfterSeconds),
            });
          }
          // One lookup and one mail either way; only the mail says which.
          const existing = await ctx.context.internalAdapter.findUserByEmail(email);
          if (existing) {
            await mailExistingAccount(ctx.context, existing.user, name);
          } else {
            const token = await createPendingSignUp(ctx.context.internalAdapter, { email, name });
            await sendMailAfterCommit(
              finishSignUpMail(email, finishWithPasskeyUrl(ctx.context, token)),
              dropPendingSignUp(ctx.context, token),
            );
          }
          return ctx.json({ status: "check_inbox" as const });
        },
      ),
    },
    hooks: evenSignUpTiming(),
    $ERROR_CODES: SIGN_UP_ERROR_CODES,
  } satisfies BetterAuthPlugin;
}
