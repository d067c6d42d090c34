import { defineErrorCodes } from "@better-auth/core/utils/error-codes";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { checkPersonName, PERSON_NAME_MAX_LENGTH } from "@/lib/users/person-name";

export const PERSON_NAME_ERROR_CODES = defineErrorCodes({
  INVALID_NAME: `Names are 1 to ${PERSON_NAME_MAX_LENGTH} visible characters.`,
});

/** Where a name must come with the request, and where it may. */
const NAME_REQUIRED = new Set(["/sign-up/email", "/sign-up/passkey"]);
const NAME_OPTIONAL = new Set(["/update-user"]);

/**
 * Every endpoint that sets a user's name holds it to lib/users/person-name.ts before anything is
 * stored or mailed, and stores it trimmed. The refusal carries the rule's own sentence, the one the
 * sign-up form shows before sending.
 */
export function personNames() {
  return {
    id: "person-names",
    hooks: {
      before: [
        {
          matcher: (ctx) => NAME_REQUIRED.has(ctx.path ?? "") || NAME_OPTIONAL.has(ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            const body: unknown = ctx.body;
            // Not an object: Better Auth's own body check answers.
            if (!body || typeof body !== "object" || Array.isArray(body)) return;
            if (!("name" in body) && NAME_OPTIONAL.has(ctx.path)) return;
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
