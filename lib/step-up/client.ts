import type { BetterAuthClientPlugin } from "better-auth/client";
import type { stepUp } from "./server";

/**
 * The browser's half: `authClient.stepUp.methods()`, `.passkey.options()`, `.passkey.verify({ response })`
 * and `.password({ password })`, typed from the server plugin.
 */
export const stepUpClient = () =>
  ({
    id: "step-up",
    $InferServerPlugin: {} as ReturnType<typeof stepUp>,
    // Called without arguments, the client would otherwise send this as GET.
    pathMethods: { "/step-up/passkey/options": "POST" },
  }) satisfies BetterAuthClientPlugin;
