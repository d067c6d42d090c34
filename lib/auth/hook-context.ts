import type { createAuthMiddleware } from "better-auth/api";

export type RelyingParty = { rpID: string; origin: string[] };

/** The context Better Auth hands a `hooks.before`/`hooks.after` handler. */
export type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];
