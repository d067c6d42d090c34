import type { BetterAuthOptions, BetterAuthPlugin } from "better-auth";

/** What an account holds of its way back in. */
export type WayBackInState = {
  /** How many more sign-ins it allows: unused recovery codes, say. */
  usesLeft: number;
  /** The owner chose, knowingly, to go without: nothing offers it again. */
  declined: boolean;
};

/**
 * The way back into an account that lost its passkeys, offered by the feature whose plugin carries
 * it (`options: { wayBackIn }`). The rules that must not leave an account locked out (going
 * passwordless, the last passkey) count it, and mails point at it, without naming the feature: an
 * app without one counts none.
 */
export type WayBackIn = {
  /** What it is, to end "Sign in with …": "a recovery code". */
  name: string;
  stateOf: (userId: string) => Promise<WayBackInState>;
  /** Signed out: the page that signs in with it. */
  signInPath: string;
};

export type PluginWayBackIn = { wayBackIn: WayBackIn };

/** What an account of an app without a way back in holds: none, and nothing declined. */
export const NO_WAY_BACK_IN: WayBackInState = { usesLeft: 0, declined: false };

/** The way back in this configuration offers, if any plugin offers one. */
export function wayBackInOf(options: Pick<BetterAuthOptions, "plugins">): WayBackIn | null {
  for (const plugin of (options.plugins ?? []) as BetterAuthPlugin[]) {
    const offered = (plugin.options as Partial<PluginWayBackIn> | undefined)?.wayBackIn;
    if (offered) return offered;
  }
  return null;
}

/** What the account holds of the configuration's way back in. */
export async function wayBackInStateOf(
  options: Pick<BetterAuthOptions, "plugins">,
  userId: string,
): Promise<WayBackInState> {
  return (await wayBackInOf(options)?.stateOf(userId)) ?? NO_WAY_BACK_IN;
}
