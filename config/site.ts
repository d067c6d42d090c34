/**
 * What the app calls itself and how its pages are reached: the one file to edit to rename the app
 * or to add a page to its menus. The UI, every mail and the passkey prompt's default name
 * (PASSKEY_RP_NAME overrides that one) read it from here. Plain data, safe to import anywhere:
 * server, browser, tests.
 */

/**
 * The pages of more than one feature link to or redirect to: a feature's removal takes its routes out
 * of here, and TypeScript points at every link left.
 */
export const routes = {
  dashboard: "/dashboard",
  security: "/settings/security",
  passkeys: "/settings/security/passkeys",
  /** Development only (no SMTP_URL): the mail the app would have sent. */
  devOutbox: "/dev/outbox",
  /** Signed out: asking for a link that sets a new password. */
  forgotPassword: "/forgot-password",
  sessions: "/settings/security/sessions",
  activity: "/settings/security/activity",
  account: "/settings/account",
} as const;

export type SettingsPage = {
  href: string;
  label: string;
  /** What the page is for, as the security overview lists it. */
  summary: string;
};

export const site = {
  name: "Keyhold",
  description: "Sign in with a passkey: a fingerprint, face or screen lock instead of a password.",
  /** The signed-in header's menu; plugins may add links for some users (lib/auth/menu.ts). */
  navigation: [
    { href: routes.dashboard, label: "Home" },
    { href: routes.security, label: "Security" },
  ],
  settings: {
    overview: { href: routes.security, label: "Overview" },
    /**
     * Every settings page of the app's own, in menu order: the settings menu and the security
     * overview list these, with the features' among them (components/slots/feature-ui.ts).
     */
    pages: [
      {
        href: routes.passkeys,
        label: "Passkeys",
        summary: "Sign in with your fingerprint, face or screen lock.",
      },
      {
        href: routes.sessions,
        label: "Sessions",
        summary: "Where you are signed in, and signing out elsewhere.",
      },
      {
        href: routes.activity,
        label: "Activity",
        summary: "Sign-ins, failed attempts and changes to your account's security.",
      },
      { href: routes.account, label: "Account", summary: "Your name, email address and password." },
    ] satisfies SettingsPage[],
  },
};
