import type { DBAdapter, Where } from "@better-auth/core/db/adapter";
import type { BetterAuthOptions } from "better-auth";
import { signingPasskey } from "@/lib/auth/signing-passkey";

type AdapterFactory = (options: BetterAuthOptions) => DBAdapter<BetterAuthOptions>;

/**
 * The passkey plugin's sign-in reads the passkey by its credential ID and then its owner by ID, and
 * writes the new signature counter by itself. The user-handle check before it has already read both
 * rows in one statement (lib/auth/signing-passkey.ts), so within that request the adapter answers
 * those two reads from it, and the counter's update also records when the passkey was last used.
 * Any other read or write, and every one outside a passkey sign-in, goes to the database as it is.
 * The instance is changed in place: Better Auth keys its schema check by it.
 */
export function withPasskeySignInReads(factory: AdapterFactory): AdapterFactory {
  return (options) => {
    const adapter = factory(options);
    const { findOne, update } = adapter;
    adapter.findOne = (async (query: Parameters<typeof findOne>[0]) => {
      const read = query.join || query.select ? null : await signingPasskey();
      if (read && query.model === "passkey" && isOnly(query.where, "credentialID", read.credentialID)) {
        const { user: _owner, ...passkey } = read;
        return passkey;
      }
      if (read && query.model === "user" && isOnly(query.where, "id", read.userId)) return read.user;
      return findOne(query);
    }) as typeof findOne;
    adapter.update = (async (query: Parameters<typeof update>[0]) => {
      const read = await signingPasskey();
      const signInCounter =
        read && query.model === "passkey" && isOnly(query.where, "id", read.id) && "counter" in query.update;
      return update(
        signInCounter ? { ...query, update: { ...query.update, lastUsedAt: new Date() } } : query,
      );
    }) as typeof update;
    return adapter;
  };
}

function isOnly(where: Where[] | undefined, field: string, value: string): boolean {
  const [clause, ...rest] = where ?? [];
  return (
    rest.length === 0 &&
    clause?.field === field &&
    clause.value === value &&
    (clause.operator ?? "eq") === "eq" &&
    (clause.connector ?? "AND") === "AND"
  );
}
