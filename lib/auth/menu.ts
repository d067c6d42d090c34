import type { BetterAuthOptions, BetterAuthPlugin } from "better-auth";

/** A link in the signed-in header's menu. */
export type MenuLink = { href: string; label: string };

/**
 * Links a plugin adds to the signed-in header, for the users it chooses (`options: { menu }`), so
 * that a feature such as the admin area brings its own way in and takes it away when removed.
 */
export type PluginMenu = { menu: (user: Record<string, unknown>) => MenuLink[] };

/** Every plugin's links for this user, in plugin order. */
export function pluginMenuLinks(
  options: Pick<BetterAuthOptions, "plugins">,
  user: Record<string, unknown>,
): MenuLink[] {
  return (options.plugins ?? []).flatMap(
    (plugin: BetterAuthPlugin) => (plugin.options as Partial<PluginMenu> | undefined)?.menu?.(user) ?? [],
  );
}
