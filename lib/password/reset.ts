import { getCurrentAuthEndpointContext } from "@better-auth/core/context";
import { BASE_ERROR_CODES } from "@better-auth/core/error";
import type { BetterAuthOptions, User } from "better-auth";
import { APIError } from "better-auth/api";
import type { HookContext } from "@/lib/auth/hook-context";
import { requestFacts } from "@/lib/auth/request-facts";
import type { Mail } from "@/lib/mail";
import { sendRequestedMail } from "@/lib/mail/requested";
import { noticeFacts, sendNotice } from "@/lib/security-activity/notify";
import { recordSecurityEvent } from "@/lib/security-log/events";
import { liveSessionCount, recordSessionsSignedOut } from "@/lib/sessions/events";
import { wayBackInOf } from "@/lib/sign-in-methods/way-back-in";
import { noPasswordMail, resetLinkMail } from "./mail";
import { passwordResetNotice } from "./notices";

/** How long a mailed reset link works. */
export const RESET_LINK_SECONDS = 60 * 60;

/** The page a reset link opens; the token rides in its fragment. */
const RESET_PAGE = "/reset-password";

/** Where Better Auth keeps a reset link's token in the verification table, before hashing it. */
const RESET_IDENTIFIER_PREFIX = "reset-password:";

const resetIdentifier = (token: string) => `${RESET_IDENTIFIER_PREFIX}${token}`;

/** The endpoint being handled: Better Auth's callbacks below get no context of their own. */
const currentCall = () => getCurrentAuthEndpointContext() as unknown as HookContext;

function appUrl(ctx: HookContext, path: string): string {
  return new URL(path, new URL(ctx.context.baseURL).origin).toString();
}

/**
 * The link's page, with the token in the fragment: a browser sends a fragment to no server, so
 * it never reaches a log, and no Referer header carries it (the page also sends none).
 */
function resetPageUrl(ctx: HookContext, token: string): string {
  return `${appUrl(ctx, RESET_PAGE)}#token=${token}`;
}

/**
 * Better Auth's `emailAndPassword` options for the reset (`/request-password-reset`, then
 * `/reset-password`), and the verification option that stores its tokens hashed, so that a copy of
 * the database holds no link that works.
 */
export function passwordResetOptions(): Pick<BetterAuthOptions, "emailAndPassword" | "verification"> {
  return {
    emailAndPassword: {
      // Better Auth's passwords, which the app's own options (sign-up's) switch on as well.
      enabled: true,
      resetPasswordTokenExpiresIn: RESET_LINK_SECONDS,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: ({ user, token }) => mailResetLink(currentCall(), user, token),
      onPasswordReset: ({ user }) => recordPasswordReset(currentCall(), user),
    },
    verification: {
      storeIdentifier: { default: "plain", overrides: { [RESET_IDENTIFIER_PREFIX]: "hashed" } },
    },
  };
}

/**
 * Called by Better Auth for an address that has an account, once it has stored a link's token
 * (for any other address it answers at once, mailing nothing). What goes depends on the account:
 * with a password, the link; without one, a mail that says there is nothing to reset, and no link,
 * since a mailbox alone must never give a passwordless account a password; to an account nobody
 * confirmed, which belongs to nobody yet, nothing. A token no link went out with is dropped. The
 * answer is the one every address gets, whatever happens here; lib/password/server.ts evens its
 * timing.
 */
async function mailResetLink(ctx: HookContext, user: User, token: string): Promise<void> {
  const dropToken = () => ctx.context.internalAdapter.deleteVerificationByIdentifier(resetIdentifier(token));
  if (!user.emailVerified) return dropToken();
  const credential = await ctx.context.internalAdapter.findCredentialAccount(user.id);
  if (!credential?.password) {
    await dropToken();
    const wayBackIn = wayBackInOf(ctx.context.options);
    const urls = {
      signIn: appUrl(ctx, "/sign-in"),
      recover: wayBackIn && { name: wayBackIn.name, url: appUrl(ctx, wayBackIn.signInPath) },
    };
    await sendQuietly(ctx, noPasswordMail(user.email, urls));
    return;
  }
  if (!(await sendQuietly(ctx, resetLinkMail(user.email, resetPageUrl(ctx, token))))) await dropToken();
}

/**
 * Sends within the one cap per recipient of every mail a stranger can ask for (lib/mail/requested.ts).
 * A mail server that fails is logged, not answered: the answer
 * must not tell an address that has an account from one that has none. Returns whether it went.
 */
async function sendQuietly(ctx: HookContext, mail: Mail): Promise<boolean> {
  try {
    return await sendRequestedMail(mail);
  } catch (error) {
    ctx.context.logger.error("Could not send a password reset mail", error);
    return false;
  }
}

/**
 * Before `/reset-password` uses a link: the token comes in the body only (Better Auth also reads
 * `?token=`, a URL that logs keep), and a link is for the password the account had when it was
 * mailed. Once that password is reset, changed or removed, every other link mailed before goes
 * with it; and a link can never set a password on an account without one. Such a link is
 * dropped, and refused like one that expired.
 */
export async function checkResetLink(ctx: HookContext): Promise<void> {
  if (ctx.query?.token !== undefined) throw APIError.from("BAD_REQUEST", BASE_ERROR_CODES.INVALID_TOKEN);
  const token: unknown = ctx.body?.token;
  // Anything else is Better Auth's to refuse.
  if (typeof token !== "string") return;
  const { internalAdapter } = ctx.context;
  const link = await internalAdapter.findVerificationValue(resetIdentifier(token));
  if (!link) return;
  const credential = await internalAdapter.findCredentialAccount(link.value);
  if (credential?.password && credential.updatedAt <= link.createdAt) return;
  await internalAdapter.deleteVerificationByIdentifier(resetIdentifier(token));
  throw APIError.from("BAD_REQUEST", BASE_ERROR_CODES.INVALID_TOKEN);
}

/**
 * Once Better Auth has stored the new password, and just before it signs out every session of the
 * account (`revokeSessionsOnPasswordReset`): the log, with how many sessions end, and the notice.
 */
async function recordPasswordReset(ctx: HookContext, user: User): Promise<void> {
  const request = requestFacts(ctx);
  const live = liveSessionCount(await ctx.context.internalAdapter.listSessions(user.id));
  await recordSecurityEvent({ type: "password_reset", userId: user.id, request });
  await recordSessionsSignedOut(user.id, request, live);
  await sendNotice(ctx, passwordResetNotice(noticeFacts(user.email, request)));
}
