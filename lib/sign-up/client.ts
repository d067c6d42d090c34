import type { BetterAuthClientPlugin } from "better-auth/client";
import type { signUp } from "./server";

/** The browser's half: `authClient.signUp.passkey({ name, email })`, typed from the server plugin. */
export const signUpClient = () =>
  ({
    id: "sign-up",
    $InferServerPlugin: {} as ReturnType<typeof signUp>,
  }) satisfies BetterAuthClientPlugin;
