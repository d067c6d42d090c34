import { PASSKEY_ERROR_CODES } from "@better-auth/passkey";
import { APIError, getSessionFromCtx } from "better-auth/api";
import { eq } from "drizzle-orm";
import type { HookContext } from "@/lib/auth/hook-context";
import { db } from "@/lib/db";
import { passkey, user } from "@/lib/db/schema";
import { checkPasskeyName } from "@/lib/passkeys/passkey-name";
import { hasWayIn } from "@/lib/sign-in-methods/methods";
import { signInMethodsOf } from "@/lib/sign-in-methods/queries";
import { PASSKEY_POLICY_ERROR_CODES } from "./error-codes";
import { recordPasskeyRemoved } from "./passkey-events";

type StoredPasskey = Pick<typeof passkey.$inferSelect, "id" | "userId">;

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
  // The plugin's own code for a passkey it does not know: one code, worded once (lib/auth-messages.ts).
  if (!passkey) throw APIError.from("NOT_FOUND", PASSKEY_ERROR_CODES.PASSKEY_NOT_FOUND);
  return { passkey, userId: session.user.id };
}

export async function checkRename(ctx: HookContext): Promise<void> {
  if (!(await ownPasskey(ctx))) return;
  const check = checkPasskeyName(ctx.body?.name);
  if (!check.ok) throw APIError.from("BAD_REQUEST", PASSKEY_POLICY_ERROR_CODES.INVALID_PASSKEY_NAME);
}

/**
 * Removes one of the caller's passkeys, unless it is their last way in: a passkey goes only if
 * another passkey or a password remains. The check and the delete are one transaction holding the
 * user row, so two removals of an account's last two passkeys cannot both count two and both go
 * ahead. The hook answers as the plugin's endpoint would, which then does not run: its own delete
 * would be a second, unguarded statement.
 */
export async function removeUnlessLast(ctx: HookContext) {
  const owned = await ownPasskey(ctx);
  if (!owned) return;
  const [removed] = await db().transaction(async (tx) => {
    await tx.select({ id: user.id }).from(user).where(eq(user.id, owned.userId)).for("update");
    const left = await signInMethodsOf(owned.userId, { without: owned.passkey.id, executor: tx });
    if (!hasWayIn(left)) {
      throw APIError.from("CONFLICT", PASSKEY_POLICY_ERROR_CODES.LAST_SIGN_IN_METHOD);
    }
    return tx.delete(passkey).where(eq(passkey.id, owned.passkey.id)).returning();
  });
  if (removed) await recordPasskeyRemoved(ctx, removed);
  return ctx.json({ status: true });
}
