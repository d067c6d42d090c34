import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthEndpoint, sessionMiddleware } from "better-auth/api";
import * as z from "zod";
import { evenAnswerTiming } from "@/lib/auth/even-timing";
import { requestFacts } from "@/lib/auth/request-facts";
import type { PluginSurface } from "@/lib/auth/surface";
import { isUniqueViolation } from "@/lib/db/errors";
import { isRecipientRefused, type Mail } from "@/lib/mail";
import { sendRequestedMail } from "@/lib/mail/requested";
import type { PluginEvents } from "@/lib/security-activity/describe";
import { sendNotice } from "@/lib/security-activity/notify";
import { recordSecurityEvent } from "@/lib/security-log/events";
import { otherHolderOf } from "./email-change-conflict";
import {
  consumeEmailChangeLink,
  createEmailChangeLink,
  type EmailChangeLink,
  findEmailChangeLink,
} from "./email-change-links";
import { EMAIL_CHANGE_EVENTS } from "./email-change-log";
import { confirmNewEmailMail, emailChangedMail, emailInUseMail } from "./email-change-mail";
import { EMAIL_CHANGE_ERROR_CODES } from "./error-codes";

const REQUEST_PATH = "/email-change/request";

const requestBody = z.object({ newEmail: z.string().trim().toLowerCase().max(320).pipe(z.email()) });

/** A token from a mailed link, as its page sends it back: 32 random bytes in base64url. */
const linkBody = z.object({ token: z.string().min(1).max(100) });

/**
 * Sends the one mail a request makes, to an address the requester typed and need not own, so it
 * counts against that address's cap (lib/mail/requested.ts). When it does not go, over the cap or
 * because the mail server failed, `undo` takes back the link it carried. Over the cap the answer is
 * unchanged; when the address's mail server refused it, the answer is a 400 that says so. Either
 * way, alike for a free address and a taken one.
 */
async function mailNewAddress(mail: Mail, undo: () => Promise<unknown> = async () => {}): Promise<void> {
  try {
    if (await sendRequestedMail(mail)) return;
  } catch (error) {
    await undo();
    if (isRecipientRefused(error))
      throw APIError.from("BAD_REQUEST", EMAIL_CHANGE_ERROR_CODES.NEW_EMAIL_UNDELIVERABLE);
    throw error;
  }
  await undo();
}

/** The link's change, if it is live; the refusal otherwise. */
async function liveChange(link: EmailChangeLink, token: string) {
  const change = await findEmailChangeLink(link, token);
  if (!change) throw APIError.from("BAD_REQUEST", EMAIL_CHANGE_ERROR_CODES.LINK_EXPIRED);
  return change;
}

/**
 * Changing the email, in three steps that each need their own proof:
 *
 * 1. `/email-change/request` (stepped up): the owner names a new address. A free one gets a link;
 *    one with an account gets a note instead. The answer is the same either way, and so is its
 *    timing (lib/auth/even-timing.ts), so the form tells nobody which addresses have accounts.
 * 2. `/email-change/confirm` (signed in): the link opens a page (lib/account/email-change-links.ts)
 *    where the account's owner, signed in (the page asks for a sign-in first), confirms. The link
 *    proves the mailbox; the session proves the account; neither alone changes anything, and
 *    nothing here creates a session. The old address is then told, with a link to undo it.
 * 3. `/email-change/undo` (the link's holder): within 7 days, the old address's owner gives it
 *    back to the account and signs out every session, including whoever made the change.
 *
 * Better Auth's own /change-email and /verify-email are off (lib/auth/surface.ts): its link, a GET,
 * changed the address and signed in whoever opened it, and told the old address nothing.
 */
export function emailChange() {
  return {
    id: "email-change",
    options: {
      surface: {
        [REQUEST_PATH]: {
          access: "stepped-up",
          // Each one mails an address the caller chooses.
          perAddress: { max: 5, windowSeconds: 60 },
          logs: [],
          usedBy: "account page, change email",
        },
        "/email-change/confirm": {
          access: "signed-in",
          logs: ["email_changed"],
          usedBy: "the page the link mailed to a new address opens",
        },
        "/email-change/undo": {
          access: "anyone",
          perAddress: { max: 10, windowSeconds: 60 },
          logs: ["email_change_undone"],
          usedBy: "the page the link mailed to the old address opens",
        },
      },
      events: EMAIL_CHANGE_EVENTS,
    } satisfies PluginSurface & PluginEvents,
    endpoints: {
      requestEmailChange: createAuthEndpoint(
        REQUEST_PATH,
        { method: "POST", body: requestBody, use: [sessionMiddleware] },
        async (ctx) => {
          const { user } = ctx.context.session;
          const { newEmail } = ctx.body;
          if (newEmail === user.email.toLowerCase())
            throw APIError.from("BAD_REQUEST", EMAIL_CHANGE_ERROR_CODES.SAME_EMAIL);
          const origin = new URL(ctx.context.baseURL).origin;
          // One lookup and one mail either way; only the mail says which.
          if (await ctx.context.internalAdapter.findUserByEmail(newEmail)) {
            await mailNewAddress(emailInUseMail(newEmail, new URL("/sign-in", origin).toString()));
          } else {
            const change = { userId: user.id, from: user.email, to: newEmail };
            const { token, url } = await createEmailChangeLink("confirm", change, origin);
            await mailNewAddress(confirmNewEmailMail(newEmail, url), () =>
              consumeEmailChangeLink("confirm", token),
            );
          }
          return ctx.json({ status: "check_inbox" as const });
        },
      ),
      confirmEmailChange: createAuthEndpoint(
        "/email-change/confirm",
        { method: "POST", body: linkBody, use: [sessionMiddleware] },
        async (ctx) => {
          const { user } = ctx.context.session;
          const { token } = ctx.body;
          const change = await liveChange("confirm", token);
          // Left in place: the link still works for the account it belongs to.
          if (change.userId !== user.id)
            throw APIError.from("FORBIDDEN", EMAIL_CHANGE_ERROR_CODES.OTHER_ACCOUNT);
          const { internalAdapter } = ctx.context;
          // The account's address changed since the link was sent (another change, or an undo).
          if (user.email !== change.from) {
            await consumeEmailChangeLink("confirm", token);
            throw APIError.from("BAD_REQUEST", EMAIL_CHANGE_ERROR_CODES.LINK_EXPIRED);
          }
          if (await otherHolderOf(internalAdapter, change.to, user.id)) {
            await consumeEmailChangeLink("confirm", token);
            throw APIError.from("CONFLICT", EMAIL_CHANGE_ERROR_CODES.EMAIL_TAKEN);
          }
          if (!(await consumeEmailChangeLink("confirm", token)))
            throw APIError.from("BAD_REQUEST", EMAIL_CHANGE_ERROR_CODES.LINK_EXPIRED);

          await movedToAddress(
            () => internalAdapter.updateUser(user.id, { email: change.to, emailVerified: true }),
            EMAIL_CHANGE_ERROR_CODES.EMAIL_TAKEN,
          );
          await recordSecurityEvent({
            type: "email_changed",
            userId: user.id,
            request: requestFacts(ctx),
            details: { from: change.from, to: change.to },
          });
          const undo = await createEmailChangeLink("undo", change, new URL(ctx.context.baseURL).origin);
          await sendNotice(ctx, emailChangedMail(change.from, change.to, undo.url));
          return ctx.json({ email: change.to });
        },
      ),
      undoEmailChange: createAuthEndpoint(
        "/email-change/undo",
        { method: "POST", body: linkBody },
        async (ctx) => {
          const { token } = ctx.body;
          const change = await liveChange("undo", token);
          const { internalAdapter } = ctx.context;
          // Only the mailbox's owner can have made an account with it since (every sign-up is
          // finished from a mailed link): it is theirs now, not this account's to take back.
          if (await otherHolderOf(internalAdapter, change.from, change.userId))
            throw APIError.from("CONFLICT", EMAIL_CHANGE_ERROR_CODES.OLD_EMAIL_TAKEN);
          // Consumed before anything changes, so that of concurrent clicks one goes on.
          const consumed = await consumeEmailChangeLink("undo", token);
          const account = consumed && (await internalAdapter.findUserById(consumed.userId));
          if (!account) throw APIError.from("BAD_REQUEST", EMAIL_CHANGE_ERROR_CODES.LINK_EXPIRED);

          await movedToAddress(
            () => internalAdapter.updateUser(account.id, { email: change.from, emailVerified: true }),
            EMAIL_CHANGE_ERROR_CODES.OLD_EMAIL_TAKEN,
          );
          await internalAdapter.deleteUserSessions(account.id);
          await recordSecurityEvent({
            type: "email_change_undone",
            userId: account.id,
            request: requestFacts(ctx),
            details: { from: account.email, to: change.from },
          });
          return ctx.json({ email: change.from });
        },
      ),
    },
    hooks: evenAnswerTiming(new Set([REQUEST_PATH])),
    $ERROR_CODES: EMAIL_CHANGE_ERROR_CODES,
  } satisfies BetterAuthPlugin;
}

/**
 * Moves an account to an address checked free a moment ago: an account that took the address in
 * between (a sign-up finishing at that instant) makes it a 409, never a 500.
 */
async function movedToAddress(move: () => Promise<unknown>, taken: { code: string; message: string }) {
  try {
    await move();
  } catch (error) {
    if (isUniqueViolation(error)) throw APIError.from("CONFLICT", taken);
    throw error;
  }
}
