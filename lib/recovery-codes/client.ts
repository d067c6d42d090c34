import type { BetterAuthClientPlugin } from "better-auth/client";
import type { recoveryCodes } from "./server";

/**
 * The browser's half: `authClient.recoveryCodes.generate()`, `.status()`, `.discard()`, `.decline()`
 * and `authClient.signIn.recoveryCode({ email, code })`, typed from the server plugin.
 */
export const recoveryCodesClient = () =>
  ({
    id: "recovery-codes",
    $InferServerPlugin: {} as ReturnType<typeof recoveryCodes>,
    // Called without arguments, the client would otherwise send these as GET.
    pathMethods: {
      "/recovery-codes/generate": "POST",
      "/recovery-codes/discard": "POST",
      "/recovery-codes/decline": "POST",
    },
    // A recovery sign-in sets a session cookie: tell `useSession` to read it again.
    atomListeners: [{ matcher: (path) => path === "/sign-in/recovery-code", signal: "$sessionSignal" }],
  }) satisfies BetterAuthClientPlugin;
