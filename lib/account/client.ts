import type { BetterAuthClientPlugin } from "better-auth/client";
import type { emailChange } from "./server";

/**
 * The browser's half: `authClient.emailChange.request({ newEmail })`, `.confirm({ token })` and
 * `.undo({ token })`, typed from the server plugin.
 */
export const emailChangeClient = () =>
  ({
    id: "email-change",
    $InferServerPlugin: {} as ReturnType<typeof emailChange>,
  }) satisfies BetterAuthClientPlugin;
