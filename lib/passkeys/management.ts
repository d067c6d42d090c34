import { PASSKEY_ERROR_CODES } from "@better-auth/passkey";
import { APIError, getSessionFromCtx } from "better-auth/api";
import { and, eq, ne } from "drizzle-orm";
import * as z from "zod";
import type { HookContext } from "@/lib/auth/hook-context";
import { requestFacts } from "@/lib/auth/request-facts";
import { db } from "@/lib/db";
import { passkey, session, user } from "@/lib/db/schema";
import { checkPasskeyName } from "@/lib/passkeys/passkey-name";
import { liveSessionCount, recordSessionsSignedOut } from "@/lib/sessions/events";
import { hasWayIn, isSignInMethod, type SignInMethod } from "@/lib/sign-in-methods/methods";
import { signInMethodsOf } from "@/lib/sign-in-methods/queries";
import { PASSKEY_POLICY_ERROR_CODES } from "./error-codes";
import { recordPasskeyRemoved } from "./passkey-events";

type StoredPasskey = Pick<typeof passkey.$inferSelect, "id" | "userId">;

/** The signed-in session making a change: its ID, and how it was signed in. */
type Caller = { sessionId: string; userId: string; signInMethod: SignInMethod | null };

/**
 * Rename and remove act on the caller's own passkeys only. Another account's passkey answers
 * exactly like one that does not exist (404), so IDs cannot be probed.
 */
async function ownPasskey(ctx: HookContext): Promise<{ passkey: StoredPasskey; caller: Caller } | null> {
  const signedIn = await getSessionFromCtx(ctx);
  // Without a session the plugin's own middleware answers 401.
  if (!signedIn) return null;
  const id = ctx.body?.id;
  const passkey =
    typeof id === "string"
      ? await ctx.context.adapter.findOne<StoredPasskey>({
          model: "passkey",
          where: [
            { field: "id", value: id },
            { field: "userId", value: signedIn.user.id },
          ],
        })
      : null;
  // The plugin's own code for a passkey it does not know: one code, worded once (lib/auth-messages.ts).
  if (!passkey) throw APIError.from("NOT_FOUND", PASSKEY_ERROR_CODES.PASSKEY_NOT_FOUND);
  const { signInMethod } = signedIn.session;
  return {
    passkey,
    caller: {
      sessionId: signedIn.session.id,
      userId: signedIn.user.id,
      signInMethod: isSignInMethod(signInMethod) ? signInMethod : null,
    },
  };
}

export async function checkRename(ctx: HookContext): Promise<void> {
  if (!(await ownPasskey(ctx))) return;
  const check = checkPasskeyName(ctx.body?.name);
  if (!check.ok) throw APIError.from("BAD_REQUEST", PASSKEY_POLICY_ERROR_CODES.INVALID_PASSKEY_NAME);
}

/**
 * Whether to sign out, with the passkey, the sessions it signed in (`sessions.passkey_id`):
 * `?signOutItsSessions=true` on /passkey/delete-passkey, which the remove dialog sends when its box
 * is ticked (as it is to begin with). A query parameter, because the plugin's typed client sends
 * the body its own schema describes, `{ id }`, and nothing more. Without it, none are.
 */
const removalOptions = z.object({ signOutItsSessions: z.enum(["true", "false"]).optional() });

function signOutChoiceOf(ctx: HookContext): boolean {
  const options = removalOptions.safeParse(ctx.query ?? {});
  if (!options.success)
    throw APIError.from("BAD_REQUEST", PASSKEY_POLICY_ERROR_CODES.INVALID_SIGN_OUT_CHOICE);
  return options.data.signOutItsSessions === "true";
}

/**
 * Removes one of the caller's passkeys, unless it is their last way in: a passkey goes only if
 * another passkey or a password remains. The check and the delete are one transaction holding the
 * user row, so two removals of an account's last two passkeys cannot both count two and both go
 * ahead. The hook answers as the plugin's endpoint would, which then does not run: its own delete
 * would be a second, unguarded statement.
 *
 * Asked to, it also signs out every session the passkey signed in, in the same transaction, except
 * the caller's own: whoever is removing it is the one person known to hold the account, and
 * signing them out mid-change would only make them sign in again (the dialog says so). A caller
 * who signed in with a recovery code could not use a passkey, so the one going is taken to be
 * lost, and its sessions end whatever was asked. The answer says how many ended.
 */
export async function removeUnlessLast(ctx: HookContext) {
  const asked = signOutChoiceOf(ctx);
  const owned = await ownPasskey(ctx);
  if (!owned) return;
  const { passkey: going, caller } = owned;
  const signOutItsSessions = asked || caller.signInMethod === "recovery_code";
  const { removed, signedOut } = await db().transaction(async (tx) => {
    await tx.select({ id: user.id }).from(user).where(eq(user.id, caller.userId)).for("update");
    const left = await signInMethodsOf(caller.userId, { without: going.id, executor: tx });
    if (!hasWayIn(left)) {
      throw APIError.from("CONFLICT", PASSKEY_POLICY_ERROR_CODES.LAST_SIGN_IN_METHOD);
    }
    // Before the passkey goes: deleting it clears `sessions.passkey_id` (ON DELETE SET NULL).
    const ended = signOutItsSessions
      ? await tx
          .delete(session)
          .where(and(eq(session.passkeyId, going.id), ne(session.id, caller.sessionId)))
          .returning({ expiresAt: session.expiresAt })
      : [];
    const [removed] = await tx.delete(passkey).where(eq(passkey.id, going.id)).returning();
    return { removed, signedOut: liveSessionCount(ended) };
  });
  if (removed) await recordPasskeyRemoved(ctx, removed);
  await recordSessionsSignedOut(caller.userId, requestFacts(ctx), signedOut);
  return ctx.json({ status: true, signedOut });
}
