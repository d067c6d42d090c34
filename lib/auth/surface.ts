import type { BetterAuthOptions, BetterAuthPlugin } from "better-auth";
import type { RateLimitRule } from "@/lib/rate-limit";
import type { SecurityEventType } from "@/lib/security-log/events";

/**
 * Who may call an endpoint, enforced by lib/auth/access.ts. "stepped-up" is a session that signed in
 * or confirmed it is them within the step-up window (lib/auth/step-up-window.ts); anything less
 * answers 401 or 403. "stepped-up-or-sign-up-link" also lets in, without a session, the holder of a
 * passkey sign-up link (lib/sign-up/passkey-registration.ts).
 */
export type Access = "anyone" | "signed-in" | "stepped-up" | "stepped-up-or-sign-up-link";

export type ServedEndpoint = {
  access: Access;
  /** Better Auth's limiter, per client address; rows without one get DEFAULT_AUTH_RATE_LIMIT. */
  perAddress?: RateLimitRule;
  /**
   * Checks a secret a caller could guess (a password, a recovery code, a step-up assertion): every
   * attempt spends the per-address budget of lib/auth/secret-checks.ts, and every failure is logged.
   * "per account and address" spends the account's budget too, from whatever address: for a
   * password, which guesses spread over many addresses could find. "per address only" does not: for
   * a 75-bit random code, which no feasible number of guesses finds, and whose owner a per-account
   * count would let any stranger lock out (SECURITY.md, "Recovery lock-out").
   */
  checksSecret?: "per account and address" | "per address only";
  /** What it writes to the security activity (lib/security-log/events.ts). */
  logs: readonly SecurityEventType[];
  /** Who in the product calls it; an endpoint nobody calls is switched off. */
  usedBy: string;
};

/** Switched off: Better Auth answers 404 (`disabledPaths`), and so does the API's front door. */
export type DisabledEndpoint = { off: string };

export type SurfaceRows = Record<string, ServedEndpoint | DisabledEndpoint>;

/**
 * Better Auth's own endpoints and the passkey plugin's, one row each as this configuration serves
 * them. The app's plugins classify their own endpoints beside their code (`options.surface`, see
 * `authSurface` below), so that a feature's folder carries its whole contract.
 */
export const CORE_SURFACE = {
  // Signing in and out.
  "/sign-in/email": {
    access: "anyone",
    perAddress: { max: 10, windowSeconds: 60 },
    checksSecret: "per account and address",
    logs: ["sign_in", "sign_in_failed"],
    usedBy: "sign-in page, password form",
  },
  "/passkey/generate-authenticate-options": {
    access: "anyone",
    // Every visit to the sign-in page asks for one (autofill), so these are cheap and plentiful.
    perAddress: { max: 30, windowSeconds: 60 },
    logs: [],
    usedBy: "sign-in page, passkey autofill and button",
  },
  "/passkey/verify-authentication": {
    access: "anyone",
    perAddress: { max: 10, windowSeconds: 60 },
    logs: ["sign_in", "sign_in_failed"],
    usedBy: "sign-in page, passkey autofill and button",
  },

  "/sign-out": { access: "anyone", logs: [], usedBy: "header, sign out" },
  "/get-session": { access: "anyone", logs: [], usedBy: "the client's session state" },

  // A forgotten password: a link mailed to the address, then a new password (lib/password/reset.ts).
  "/request-password-reset": {
    access: "anyone",
    // Each one may mail the address; lib/password caps the mails each address receives as well.
    perAddress: { max: 5, windowSeconds: 60 },
    logs: [],
    usedBy: "forgot-password page",
  },
  "/reset-password": {
    access: "anyone",
    perAddress: { max: 10, windowSeconds: 60 },
    logs: ["password_reset", "session_revoked"],
    usedBy: "reset-password page, the mailed link",
  },

  // Passkeys. A registration finishes only a ceremony its options began.
  "/passkey/generate-register-options": {
    access: "stepped-up-or-sign-up-link",
    perAddress: { max: 10, windowSeconds: 60 },
    logs: [],
    usedBy: "passkeys page, add; passkey sign-up link; upgrade offer",
  },
  "/passkey/verify-registration": {
    access: "anyone",
    perAddress: { max: 10, windowSeconds: 60 },
    logs: ["passkey_added", "account_created"],
    usedBy: "passkeys page, add; passkey sign-up link; upgrade offer",
  },
  "/passkey/list-user-passkeys": { access: "signed-in", logs: [], usedBy: "passkeys page" },
  "/passkey/update-passkey": {
    access: "signed-in",
    logs: ["passkey_renamed"],
    usedBy: "passkeys page, rename",
  },
  "/passkey/delete-passkey": {
    access: "stepped-up",
    logs: ["passkey_removed", "session_revoked"],
    usedBy: "passkeys page, remove",
  },

  // The account and its sessions.
  "/update-user": { access: "signed-in", logs: [], usedBy: "account page, name (the only field it takes)" },
  "/change-password": {
    access: "stepped-up",
    // The current password is a secret a stolen session could guess.
    checksSecret: "per account and address",
    logs: ["password_changed", "password_change_failed", "session_revoked"],
    usedBy: "account page, change password",
  },
  "/delete-user": { access: "stepped-up", logs: [], usedBy: "account page" },
  "/revoke-other-sessions": { access: "stepped-up", logs: ["session_revoked"], usedBy: "sessions page" },

  // Off: nothing in the product calls these, so nobody else may.
  "/sign-in/social": { off: "no social providers are configured" },
  "/callback/:id": { off: "no OAuth providers are configured" },
  "/link-social": { off: "no social providers are configured" },
  "/unlink-account": { off: "no social providers are configured" },
  "/refresh-token": { off: "no OAuth providers are configured" },
  "/get-access-token": { off: "no OAuth providers are configured" },
  "/account-info": { off: "no OAuth providers are configured" },
  "/list-accounts": { off: "nothing uses it: lib/sign-in-methods reads an account's ways in" },
  "/verify-password": { off: "an unmetered password oracle for any session; step-up is the check" },
  "/change-email": {
    off: "its link signs in whoever opens it; the account feature asks the signed-in owner instead",
  },
  "/reset-password/:token": {
    off: "puts the token in a URL; the mailed link opens the app's page, with the token in its fragment",
  },
  "/sign-up/email": {
    off: "takes a password from whoever types an address; the holder of the sign-up link sets it (lib/sign-up)",
  },
  "/send-verification-email": { off: "sign-up mails its link itself; nothing resends it" },
  "/verify-email": {
    off: "no flow mails its links: sign-up mails its own, and so does the account feature's email change",
  },
  "/update-session": { off: "sessions carry nothing a client may set" },
  "/list-sessions": {
    off: "hands every session's token to JavaScript; the sessions page reads them on the server",
  },
  "/revoke-session": { off: "takes a session token, which no page holds; /sessions/revoke takes the ID" },
  "/revoke-sessions": { off: "signing out everywhere is sign-out plus /revoke-other-sessions" },
  "/delete-user/callback": { off: "deletion is confirmed by step-up, not by a mailed link" },
  "/ok": { off: "a health check belongs to the platform, not the auth API" },
  "/error": { off: "Better Auth's error page; every flow here redirects to the app's own pages" },
} satisfies SurfaceRows;

/**
 * One budget for every check of a secret somebody could guess — a password at sign-in or step-up,
 * a recovery code, a step-up passkey assertion — shared by all the endpoints that check one
 * (`checksSecret` above; lib/auth/secret-checks.ts spends it), so that guesses spread over several
 * endpoints add up.
 * Every attempt counts, right or wrong, so that a right guess cannot slip past the limit; a person
 * makes a couple a day. Per address, across accounts: one client trying one password on many
 * accounts. Per account, from whatever address: a password guessed from many addresses. A
 * recovery code spends only the first: a stranger who spent an account's budget would otherwise
 * keep its owner's valid code out, for as long as they kept guessing.
 */
export const SECRET_CHECK_BUDGET = {
  perAccount: { max: 10, windowSeconds: 15 * 60 },
  perAddress: { max: 30, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;

/** What the API's front door, access rules, rate limits and secret budget read. */
export type AuthSurface = {
  rows: SurfaceRows;
  served: Record<string, ServedEndpoint>;
  /** Better Auth's `disabledPaths`. */
  disabledPaths: string[];
};

const composed = new WeakMap<readonly unknown[], AuthSurface>();

/**
 * The whole auth API, one row per endpoint Better Auth serves in this configuration: the core rows
 * above and each plugin's own (`options.surface`, see `PluginSurface`). Deny by default: the API's
 * front door (lib/auth/api-handler.ts) answers 404 to every path that is not a served row, so an
 * endpoint a Better Auth upgrade or a new plugin adds is off until it is classified, and
 * test/integration/auth-surface.test.ts fails until it is. A path classified twice is a mistake
 * that stops the server. Computed once per plugin list.
 */
export function authSurface(plugins: readonly BetterAuthPlugin[] = []): AuthSurface {
  const known = composed.get(plugins);
  if (known) return known;
  const rows: SurfaceRows = { ...CORE_SURFACE };
  for (const plugin of plugins) {
    for (const [path, row] of Object.entries(surfaceOf(plugin))) {
      if (Object.hasOwn(rows, path)) throw new Error(`${path} is classified twice (plugin "${plugin.id}")`);
      rows[path] = row;
    }
  }
  const entries = Object.entries(rows);
  const surface: AuthSurface = {
    rows,
    served: Object.fromEntries(entries.filter((row): row is [string, ServedEndpoint] => !("off" in row[1]))),
    disabledPaths: entries.filter(([, row]) => "off" in row).map(([path]) => path),
  };
  composed.set(plugins, surface);
  return surface;
}

const NO_PLUGINS: readonly BetterAuthPlugin[] = [];

/** The surface of a Better Auth configuration: what hooks read from `ctx.context.options`. */
export function surfaceOfOptions(options: Pick<BetterAuthOptions, "plugins">): AuthSurface {
  return authSurface(options.plugins ?? NO_PLUGINS);
}

/** How a plugin of the app classifies the endpoints it adds: `options: { surface: { … } }`. */
export type PluginSurface = { surface: SurfaceRows };

function surfaceOf(plugin: BetterAuthPlugin): SurfaceRows {
  return (plugin.options as Partial<PluginSurface> | undefined)?.surface ?? {};
}

/** Whether the API serves `path` (a path below /api/auth, exactly as the request spelled it). */
export function isServed(surface: AuthSurface, path: string): boolean {
  return Object.hasOwn(surface.served, path);
}

/** A Better Auth hook's view of the call: the endpoint's path and the configuration serving it. */
export type EndpointCall = { path?: string; context: { options: Pick<BetterAuthOptions, "plugins"> } };

/** The row of the endpoint a hook is called for, or nothing when the path is not served. */
export function servedEndpointOf({ path, context }: EndpointCall): ServedEndpoint | undefined {
  const { served } = surfaceOfOptions(context.options);
  return path !== undefined && Object.hasOwn(served, path) ? served[path] : undefined;
}
