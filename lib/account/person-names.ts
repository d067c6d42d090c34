import { defineErrorCodes } from "@better-auth/core/utils/error-codes";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { checkPersonName, PERSON_NAME_MAX_LENGTH } from "./person-name";

export const PERSON_NAME_ERROR_CODES = defineErrorCodes({
  INVALID_NAME: `Names are 1 to ${PERSON_NAME_MAX_LENGTH} visible characters.`,
  NAME_ONLY: "Only your name can be changed here.",
});

/** The endpoints that set a name. */
const NAME_SETTING_PATHS = new Set(["/sign-up/passkey", "/update-user"]);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

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
          // Better Auth's `/update-user` would set whatever user field it is sent (the image, any
          // field a plugin adds that is not `input: false`): the account page changes the name
          // with it, and nothing else may.
          matcher: (ctx) => ctx.path === "/update-user",
          handler: createAuthMiddleware(async (ctx) => {
            const body: unknown = ctx.body;
            if (!isPlainObject(body) || Object.keys(body).some((field) => field !== "name")) {
              throw APIError.from("BAD_REQUEST", PERSON_NAME_ERROR_CODES.NAME_ONLY);
            }
          }),
        },
        {
          matcher: (ctx) => NAME_SETTING_PATHS.has(ctx.path ?? ""),
          handler: createAuthMiddleware(async (ctx) => {
            const body: unknown = ctx.body;
            // Not an object: Better Auth's own body check answers.
            if (!isPlainObject(body)) return;
            const check = checkPersonName(body.name);
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
