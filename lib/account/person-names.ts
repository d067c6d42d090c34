import { defineErrorCodes } from "@better-auth/core/utils/error-codes";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { checkPersonName, PERSON_NAME_MAX_LENGTH } from "./person-name";

export const PERSON_NAME_ERROR_CODES = defineErrorCodes({
  INVALID_NAME: `Names are 1 to ${PERSON_NAME_MAX_LENGTH} visible characters.`,
});

/** The endpoints that set a name. (`/update-user` would, and is off: lib/auth/surface.ts.) */
const NAME_SETTING_PATHS = new Set(["/sign-up/passkey"]);

/**
 * Every endpoint that sets a user's name holds it to lib/account/person-name.ts before anything is
 * stored or mailed, and stores it trimmed. The refusal carries the rule's own sentence, the one the
 * sign-up form shows before sending.
 */
export function personNames() {
  return {
    id: "person-names",
    hooks: {
      before: [
        {
          matcher: (ctx) => NAME_SETTING_PATHS.has(ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            const body: unknown = ctx.body;
            // Not an object: Better Auth's own body check answers.
            if (!body || typeof body !== "object" || Array.isArray(body)) return;
            const check = checkPersonName((body as { name?: unknown }).name);
            if (!check.ok) {
              throw APIError.from("BAD_REQUEST", {
                ...PERSON_NAME_ERROR_CODES.INVALID_NAME,
                message: check.message,
              });
            }
            return { context: { body: { ...body, name: check.name } } };
          }),
        },
      ],
    },
    $ERROR_CODES: PERSON_NAME_ERROR_CODES,
  } satisfies BetterAuthPlugin;
}
