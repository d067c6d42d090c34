import type { BetterAuthPlugin } from "better-auth";
import { serverConfig } from "@/config/env";
import type { PluginMenu } from "@/lib/auth/menu";
import { adminAttestation } from "./attestation/plugin";
import { ADMIN_PATH, ROLES, roleForNewAccount } from "./roles";

/**
 * The admin area's side of the auth server: every account's `role`, set when the account is created
 * (from ADMIN_EMAILS) and readable on the session's user, never settable by a client (`input:
 * false`: update-user refuses a `role`, and sign-up's is replaced by the hook below); the admin link
 * in the menu for admins only; and the attested passkeys the admin policy (./policy.ts) asks for.
 */
export function admin() {
  const attestation = adminAttestation();
  return {
    id: "admin",
    schema: {
      ...attestation.schema,
      user: { fields: { role: { type: [...ROLES], required: false, defaultValue: "user", input: false } } },
    },
    init: () => ({
      options: {
        databaseHooks: {
          user: {
            create: {
              before: async (user) => ({
                data: { ...user, role: roleForNewAccount(user.email, serverConfig().admin.emails) },
              }),
            },
          },
        },
      },
    }),
    hooks: attestation.hooks,
    options: {
      // Everyone else is never shown that the admin area exists.
      menu: (user) => (user.role === "admin" ? [{ href: ADMIN_PATH, label: "Admin" }] : []),
    } satisfies PluginMenu,
  } satisfies BetterAuthPlugin;
}
