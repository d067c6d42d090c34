import { BASE_ERROR_CODES } from "@better-auth/core/error";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { hasOverlongEmail } from "./email-length";

/**
 * Rules on request bodies that Better Auth's own schemas leave out, checked before any endpoint
 * runs, so that input a column or an index cannot take is a 400 with a code, never a 500 after a
 * write. (Text PostgreSQL cannot store at all is refused earlier still, at lib/auth/api-handler.ts.)
 */
export function inputRules() {
  return {
    id: "input-rules",
    hooks: {
      before: [
        {
          matcher: (ctx) => hasOverlongEmail(ctx.body),
          handler: createAuthMiddleware(async () => {
            throw APIError.from("BAD_REQUEST", BASE_ERROR_CODES.INVALID_EMAIL);
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
