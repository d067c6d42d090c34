import { getSessionFromCtx, isAPIError } from "better-auth/api";
import type { HookContext } from "@/lib/auth/hook-context";
import { requestFacts } from "@/lib/auth/request-facts";
import type { passkey } from "@/lib/db/schema";
import { type EventDescriptions, passkeyKind, plain, quoted } from "@/lib/security-activity/describe";
import { newPasskeyNotice } from "@/lib/security-activity/notices";
import { noticeFacts, sendNotice } from "@/lib/security-activity/notify";
import { recordSecurityEvent } from "@/lib/security-log/events";

declare module "@/lib/security-log/events" {
  interface SecurityEventKinds {
    /** details: { passkeyId, name, deviceType, backedUp } */
    passkey_added: true;
    /** details: as passkey_added, and previousName */
    passkey_renamed: true;
    /** details: as passkey_added */
    passkey_removed: true;
  }
}

export const PASSKEY_EVENTS = {
  passkey_added: (details) => plain(`Added the ${passkeyKind(details)} passkey ${quoted(details.name)}`),
  passkey_renamed: (details) =>
    plain(`Renamed the passkey ${quoted(details.previousName)} to ${quoted(details.name)}`),
  passkey_removed: (details) => plain(`Removed the passkey ${quoted(details.name)}`),
} satisfies EventDescriptions;

type StoredPasskey = Pick<typeof passkey.$inferSelect, "id" | "userId" | "name" | "deviceType" | "backedUp">;

/** After a registration that succeeded: log it and tell the user, who may not be the one who did it. */
export async function recordPasskeyAdded(ctx: HookContext): Promise<void> {
  const added = ctx.context.returned;
  if (isAPIError(added) || added instanceof Response || !isPasskey(added)) return;
  const request = requestFacts(ctx);
  await recordSecurityEvent({
    type: "passkey_added",
    userId: added.userId,
    request,
    details: describe(added),
  });
  // The owner's address: the signed-in user's, from the session this request has read already, or
  // (a sign-up's first passkey) from the account's row.
  const session = await getSessionFromCtx(ctx);
  const owner =
    session?.user.id === added.userId
      ? session.user
      : await ctx.context.internalAdapter.findUserById(added.userId);
  if (owner) {
    const notice = newPasskeyNotice(noticeFacts(owner.email, request), {
      name: added.name ?? null,
      synced: added.backedUp,
    });
    await sendNotice(ctx, notice);
  }
}

/**
 * The passkey as it was before a rename, so the log can say which one it was after the row has
 * changed. Keyed by the request's headers: the one object a Better Auth before hook
 * and after hook of the same call share.
 */
const before = new WeakMap<Headers, StoredPasskey>();

export async function rememberPasskey(ctx: HookContext): Promise<void> {
  if (!ctx.headers || typeof ctx.body?.id !== "string") return;
  const found = await ctx.context.adapter.findOne<StoredPasskey>({
    model: "passkey",
    where: [{ field: "id", value: ctx.body.id }],
  });
  if (found) before.set(ctx.headers, found);
}

export async function recordPasskeyRenamed(ctx: HookContext): Promise<void> {
  const old = succeeded(ctx);
  const renamed = (ctx.context.returned as { passkey?: unknown } | undefined)?.passkey;
  if (!old || !isPasskey(renamed)) return;
  await recordSecurityEvent({
    type: "passkey_renamed",
    userId: old.userId,
    request: requestFacts(ctx),
    details: { ...describe(renamed), previousName: old.name ?? null },
  });
}

/**
 * Called by the passkey policy's removal (lib/passkeys/management.ts), which answers
 * the request itself, so that no after hook on the endpoint runs.
 */
export async function recordPasskeyRemoved(ctx: HookContext, removed: StoredPasskey): Promise<void> {
  await recordSecurityEvent({
    type: "passkey_removed",
    userId: removed.userId,
    request: requestFacts(ctx),
    details: describe(removed),
  });
}

/** The remembered passkey, if the endpoint then succeeded (which means it was the caller's own). */
function succeeded(ctx: HookContext): StoredPasskey | null {
  const old = ctx.headers ? before.get(ctx.headers) : undefined;
  if (ctx.headers) before.delete(ctx.headers);
  const returned = ctx.context.returned;
  if (!old || isAPIError(returned) || returned instanceof Response) return null;
  return old;
}

function describe(passkey: StoredPasskey) {
  return {
    passkeyId: passkey.id,
    name: passkey.name ?? null,
    deviceType: passkey.deviceType,
    backedUp: passkey.backedUp,
  };
}

function isPasskey(value: unknown): value is StoredPasskey {
  return (
    typeof value === "object" && value !== null && "id" in value && "userId" in value && "backedUp" in value
  );
}
