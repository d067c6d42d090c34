import type { User } from "better-auth";
import type { HookContext } from "@/lib/auth/hook-context";

type InternalAdapter = HookContext["context"]["internalAdapter"];

/**
 * The account other than `userId`'s that holds `email`, if any. A link of an email change can
 * outlive the address being free: between the mail and the click, someone may create an account
 * with the new address, or, while an undo link waits, with the old one. Checked before anything
 * is written, so that such a link is refused with a code (`EMAIL_TAKEN`, `OLD_EMAIL_TAKEN`), not
 * by the unique index with a 500.
 */
export async function otherHolderOf(
  adapter: InternalAdapter,
  email: string,
  userId: string,
): Promise<User | null> {
  const holder = await adapter.findUserByEmail(email);
  return holder && holder.user.id !== userId ? holder.user : null;
}
