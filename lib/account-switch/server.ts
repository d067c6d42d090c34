import type { BetterAuthPlugin } from "better-auth";
import { createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { confirmEmailPath, otherAccountOfLink } from "./link";

/**
 * Login CSRF through a mailed link: Better Auth's /verify-email is a GET that signs the browser in
 * to the link's account, so any page could send a signed-in person there with a link of the
 * attacker's own account and switch them to it unnoticed. When the browser holds a session for
 * another account, the link leads to a page that asks first (app/(auth)/confirm-email), and
 * going on means signing out there, which only a same-origin POST can do (Better Auth's Origin
 * check). Signed out, or signed in to the link's own account, nothing is switched, and the link
 * works at once.
 */
export function askBeforeSwitchingAccounts() {
  return {
    id: "ask-before-switching-accounts",
    hooks: {
      before: [
        {
          matcher: (ctx) => ctx.path === "/verify-email",
          handler: createAuthMiddleware(async (ctx) => {
            const token = ctx.query?.token;
            if (typeof token !== "string") return;
            const session = await getSessionFromCtx(ctx);
            if (!session || !(await otherAccountOfLink(token, session.user.email))) return;
            throw ctx.redirect(confirmEmailPath(token, ctx.query?.callbackURL));
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
