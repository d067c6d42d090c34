/**
 * The ways into an account, and the words for each: the one list that the session record, the
 * security log, the admin figures and every sentence about a sign-in are made from. To add a way in
 * (a social login provider, say), add it here: TypeScript then points at each place that must say
 * something about it. Plain data, so that the browser can use it too; what an account has is read
 * by ./queries.ts.
 */
export const SIGN_IN_METHODS = ["passkey", "password", "recovery_code"] as const;

/** How a session was signed in: stored in `sessions.sign_in_method` and in each `sign_in` event. */
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

/** What a signed-in user can confirm it's them with. A recovery code is spent on signing in. */
export type StepUpMethod = Extract<SignInMethod, "passkey" | "password">;

export function isSignInMethod(value: unknown): value is SignInMethod {
  return SIGN_IN_METHODS.includes(value as SignInMethod);
}

type MethodWords = {
  /** A name for it, as a label: "Password". */
  label: string;
  /** What a sign-in used, to end "Signed in with …": "your password". */
  usedWith: string;
  /** What a refused sign-in used, to end "Failed sign-in attempt with …": "a wrong password". */
  refusedWith: string;
};

export const SIGN_IN_METHOD_WORDS: Record<SignInMethod, MethodWords> = {
  passkey: { label: "Passkey", usedWith: "a passkey", refusedWith: "one of your passkeys" },
  password: { label: "Password", usedWith: "your password", refusedWith: "a wrong password" },
  recovery_code: { label: "Recovery code", usedWith: "a recovery code", refusedWith: "a recovery code" },
};

/** The Better Auth endpoints that sign a user in, and with which method. */
export const SIGN_IN_PATHS: Record<string, SignInMethod> = {
  "/sign-in/email": "password",
  "/passkey/verify-authentication": "passkey",
  "/sign-in/recovery-code": "recovery_code",
};

/**
 * Every endpoint that creates a session, and the method it was signed in with: the sign-ins above,
 * and the two ways a sign-up's mailed link ends signed in (a first passkey, or a first password).
 */
export const SESSION_CREATING_PATHS: Record<string, SignInMethod> = {
  ...SIGN_IN_PATHS,
  "/passkey/verify-registration": "passkey",
  "/sign-up/password": "password",
};

/**
 * The ways into one account that are its own: its passkeys and its password. Recovery codes are
 * the way back in when those are lost, and are counted apart (by the recovery codes feature).
 */
export type AccountSignInMethods = { passkeys: number; hasPassword: boolean };

/** Whether the account can still sign in without a recovery code. */
export function hasWayIn(methods: AccountSignInMethods): boolean {
  return methods.passkeys > 0 || methods.hasPassword;
}
