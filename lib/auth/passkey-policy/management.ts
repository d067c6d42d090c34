import { APIError, getSessionFromCtx } from "better-auth/api";
import { checkPasskeyName } from "@/lib/passkeys/passkey-name";
import { PASSKEY_POLICY_ERROR_CODES } from "./error-codes";
import type { HookContext } from "./types";

type StoredPasskey = { id: string; userId: string };

/**
 * Rename and remove act on the caller's own passkeys only. Another account's passkey answers
 * exactly like one that does not exist (404), so IDs cannot be probed.
 */
async function ownPasskey(ctx: HookContext): Promise<{ passkey: StoredPasskey; userId: string } | null> {
  const session = await getSessionFromCtx(ctx);
  // Without a session the plugin's own middleware answers 401.
  if (!session) return null;
  const id = ctx.body?.id;
  const passkey =
    typeof id === "string"
      ? await ctx.context.adapter.findOne<StoredPasskey>({
          model: "passkey",
          where: [
            { field: "id", value: id },
            { field: "userId", value: session.user.id },
          ],
        })
      : null;
  if (!passkey) throw APIError.from("NOT_FOUND", PASSKEY_POLICY_ERROR_CODES.PASSKEY_NOT_FOUND);
  return { passkey, userId: session.user.id };
}

export async function checkRename(ctx: HookContext): Promise<void> {
  if (!(await ownPasskey(ctx))) return;
  const check = checkPasskeyName(ctx.body?.name);
  if (!check.ok) throw APIError.from("BAD_REQUEST", PASSKEY_POLICY_ERROR_CODES.INVALID_PASSKEY_NAME);
}

/** Nobody may remove their last way in: a passkey goes only if another passkey or a password remains. */
export async function checkRemoval(ctx: HookContext): Promise<void> {
  const owned = await ownPasskey(ctx);
  if (!owned) return;
  const [passkeys, accounts] = await Promise.all([
    ctx.context.adapter.count({ model: "passkey", where: [{ field: "userId", value: owned.userId }] }),
    ctx.context.internalAdapter.findAccounts(owned.userId),
  ]);
  const hasPassword = accounts.some((account) => account.providerId === "credential" && account.password);
  if (passkeys <= 1 && !hasPassword) {
    throw APIError.from("CONFLICT", PASSKEY_POLICY_ERROR_CODES.LAST_SIGN_IN_METHOD);
  }
}
