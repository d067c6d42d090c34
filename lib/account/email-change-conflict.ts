import { defineErrorCodes } from "@better-auth/core/utils/error-codes";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { site } from "@/config/site";
import { changesEmail, readEmailLink } from "@/lib/auth/email-links";
import { safeNext } from "@/lib/http/safe-next";

export const EMAIL_CHANGE_ERROR_CODES = defineErrorCodes({
  EMAIL_TAKEN: `Another ${site.name} account has used this address since the link was sent, so your email stays as it was.`,
});

/**
 * A change-email link can outlive the address being free: between the mail and the click, someone
 * may create an account with it. Better Auth would then sign the link's browser in (a new session
 * row) and only afterwards fail on the unique email, with a 500. This refuses that link first: a
 * redirect to its page with `?error=EMAIL_TAKEN`, or a 409 without one, and nothing written. Only
 * links that verify are looked at, so a forged token learns nothing about which addresses are taken.
 */
export function emailChangeConflict() {
  return {
    id: "email-change-conflict",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/verify-email",
          handler: createAuthMiddleware(async (ctx) => {
            const link = await readEmailLink(ctx.query?.token, ctx.context.secret);
            if (!link || !changesEmail(link)) return;
            const { internalAdapter } = ctx.context;
            const [requester, holder] = await Promise.all([
              internalAdapter.findUserByEmail(link.email),
              internalAdapter.findUserByEmail(link.updateTo),
            ]);
            if (!requester || !holder || holder.user.id === requester.user.id) return;
            const callbackURL: unknown = ctx.query?.callbackURL;
            if (typeof callbackURL === "string")
              throw ctx.redirect(withError(safeNext(callbackURL), "EMAIL_TAKEN"));
            throw APIError.from("CONFLICT", EMAIL_CHANGE_ERROR_CODES.EMAIL_TAKEN);
          }),
        },
      ],
    },
    $ERROR_CODES: EMAIL_CHANGE_ERROR_CODES,
  } satisfies BetterAuthPlugin;
}

/** `path` (a same-origin path from safeNext) with `?error=code` added, as Better Auth reports link errors. */
function withError(path: string, code: string): string {
  const url = new URL(path, "http://keyhold.invalid");
  url.searchParams.set("error", code);
  return `${url.pathname}${url.search}`;
}
