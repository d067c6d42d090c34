import { BASE_ERROR_CODES } from "@better-auth/core/error";
import type { AuthContext } from "better-auth";
import { APIError } from "better-auth/api";

/**
 * Better Auth's own rule for a password it will store (8 to 128 characters by default), for the
 * endpoints of the app's that set one: a sign-up's first password, a reset, a password added back.
 */
export function checkNewPassword(context: Pick<AuthContext, "password">, password: string): void {
  const { minPasswordLength, maxPasswordLength } = context.password.config;
  if (password.length < minPasswordLength)
    throw APIError.from("BAD_REQUEST", BASE_ERROR_CODES.PASSWORD_TOO_SHORT);
  if (password.length > maxPasswordLength)
    throw APIError.from("BAD_REQUEST", BASE_ERROR_CODES.PASSWORD_TOO_LONG);
}
