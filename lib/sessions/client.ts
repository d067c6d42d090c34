import type { BetterAuthClientPlugin } from "better-auth/client";
import type { sessionRevocation } from "./server";

/** The browser's half: `authClient.sessions.revoke({ id })`, typed from the server plugin. */
export const sessionRevocationClient = () =>
  ({
    id: "session-revocation",
    $InferServerPlugin: {} as ReturnType<typeof sessionRevocation>,
  }) satisfies BetterAuthClientPlugin;
