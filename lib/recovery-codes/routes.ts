/** The recovery codes' pages, linked to from other pages through the feature's contributions. */
export const recoveryCodeRoutes = {
  /** Settings: the codes, how many are left, and a new set. */
  manage: "/settings/security/recovery-codes",
  /**
   * A focused step outside the menus, for a first set of codes: after sign-up, after a first passkey.
   * `?next=` is where the user goes once the codes are saved; `?welcome=1` greets a new account.
   */
  setUp: "/setup/recovery-codes",
  /** Signed out: signing in with a recovery code. */
  signIn: "/sign-in/recover",
} as const;
