import { passkeyClient } from "@better-auth/passkey/client";
import { createAuthClient } from "better-auth/react";
import { passkeyUpgradeClient } from "./auth/passkey-upgrade/client";
import { recoveryCodesClient } from "./auth/recovery-codes/client";
import { sessionRevocationClient } from "./auth/session-revocation/client";
import { signUpClient } from "./auth/sign-up/client";
import { stepUpClient } from "./auth/step-up/client";

/** The browser's side of Better Auth. Same origin as the page, so no base URL. */
export const authClient = createAuthClient({
  plugins: [
    passkeyClient(),
    recoveryCodesClient(),
    stepUpClient(),
    signUpClient(),
    passkeyUpgradeClient(),
    sessionRevocationClient(),
  ],
});
