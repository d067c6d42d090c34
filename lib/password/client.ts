import type { BetterAuthClientPlugin } from "better-auth/client";
import type { passwords } from "./server";

/**
 * The browser's half: `authClient.password.remove()` and `authClient.password.add({ newPassword })`,
 * typed from the server plugin. Forgetting and changing a password are Better Auth's own
 * (`authClient.requestPasswordReset`, `.resetPassword`, `.changePassword`).
 */
export const passwordsClient = () =>
  ({
    id: "passwords",
    $InferServerPlugin: {} as ReturnType<typeof passwords>,
    // Called without arguments, the client would otherwise send this as GET.
    pathMethods: { "/password/remove": "POST" },
  }) satisfies BetterAuthClientPlugin;
