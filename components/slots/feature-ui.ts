import type { ReactNode } from "react";
import { type SettingsPage, site } from "@/config/site";

/** The way back in a feature offers an account whose passkeys are lost, as the other pages offer it. */
export type WayBackInUi = {
  /** Under the sign-in form: "Lost your passkey?". */
  lostPasskeyLink: ReactNode;
  /** On the forgotten-password page, for an account that signs in with passkeys only. */
  forgotPasswordHint: ReactNode;
  /** After the password manager added a passkey unasked: where to get a way back in. */
  afterPasskeyAdded: ReactNode;
  /** Where the account page sends someone who must get one before going passwordless. */
  getOne: { href: string; text: string };
  /** The focused step that sets it up, then goes on to `next`; `welcome` greets a new account. */
  setUpHref: (next?: string, options?: { welcome?: boolean }) => string;
};

/**
 * What a feature shows on pages outside its own folders, listed once in components/features.ts.
 * The pages render these slots without naming the feature: removing one is deleting its folders
 * and its line there (and in lib/auth.ts and lib/auth-client.ts). Server-only: the slots read the
 * database, so pages hand what a client component needs down as props.
 */
export type FeatureUi = {
  /** The feature's name, as its folders are named: "recovery-codes". */
  id: string;
  /** Settings pages it adds, each placed after the page at `after`, in the menu and the overview. */
  settingsPages?: readonly (SettingsPage & { after: string })[];
  /** Its section of the security overview, for this account. */
  SecurityOverviewSection?: (props: { userId: string }) => Promise<ReactNode>;
  /**
   * Its notices above the passkeys page's list. `recovered`: the session was just signed in
   * through the way back in.
   */
  PasskeysNotices?: (props: {
    userId: string;
    hasPasskeys: boolean;
    recovered: boolean;
  }) => Promise<ReactNode>;
  wayBackIn?: WayBackInUi;
};

/** The settings pages, the features' among the app's own. */
export function settingsPagesOf(features: readonly FeatureUi[]): SettingsPage[] {
  const pages: SettingsPage[] = [...site.settings.pages];
  for (const feature of features) {
    for (const { after, ...page } of feature.settingsPages ?? []) {
      const before = pages.findIndex((known) => known.href === after);
      pages.splice(before === -1 ? pages.length : before + 1, 0, page);
    }
  }
  return pages;
}

/** The way back in the features offer, if one does. */
export function wayBackInUiOf(features: readonly FeatureUi[]): WayBackInUi | null {
  return features.find((feature) => feature.wayBackIn)?.wayBackIn ?? null;
}
