import type { BetterAuthClientPlugin } from "better-auth/client";
import type { passkeyUpgrade } from "./server";

/**
 * The browser's half: `authClient.passkeyUpgrade.offer()` and `.offerShown()`, typed from the
 * server plugin.
 */
export const passkeyUpgradeClient = () =>
  ({
    id: "passkey-upgrade",
    $InferServerPlugin: {} as ReturnType<typeof passkeyUpgrade>,
    // Called without arguments, the client would otherwise send these as GET.
    pathMethods: { "/passkey-upgrade/offer": "POST", "/passkey-upgrade/offer-shown": "POST" },
  }) satisfies BetterAuthClientPlugin;
