import { passkeyClient } from "@better-auth/passkey/client";
import { createAuthClient } from "better-auth/react";
import { emailChangeClient } from "@/lib/account/client";
import { passkeyUpgradeClient } from "@/lib/passkey-upgrade/client";
import { passwordsClient } from "@/lib/password/client";
import { recoveryCodesClient } from "@/lib/recovery-codes/client";
import { sessionRevocationClient } from "@/lib/sessions/client";
import { signUpClient } from "@/lib/sign-up/client";
import { stepUpClient } from "@/lib/step-up/client";

/** The browser's side of Better Auth. Same origin as the page, so no base URL. */
export const authClient = createAuthClient({
  plugins: [
    passkeyClient(),
    recoveryCodesClient(),
    stepUpClient(),
    signUpClient(),
    passkeyUpgradeClient(),
    sessionRevocationClient(),
    emailChangeClient(),
    passwordsClient(),
  ],
});
