import { type AdapterFactory, overrideAdapter, whereIsOnly } from "@/lib/auth/adapter-overrides";
import { signingPasskey } from "@/lib/auth/signing-passkey";

/**
 * The passkey plugin's sign-in reads the passkey by its credential ID and then its owner by ID, and
 * writes the new signature counter by itself. The user-handle check before it has already read both
 * rows in one statement (lib/auth/signing-passkey.ts), so within that request the adapter answers
 * those two reads from it, and the counter's update also records when the passkey was last used.
 * Any other read or write, and every one outside a passkey sign-in, goes to the database as it is.
 */
export function withPasskeySignInReads(factory: AdapterFactory): AdapterFactory {
  return overrideAdapter(factory, ({ findOne, update }) => ({
    findOne: (async (query: Parameters<typeof findOne>[0]) => {
      const read = query.join || query.select ? null : await signingPasskey();
      if (read && query.model === "passkey" && whereIsOnly(query.where, "credentialID", read.credentialID)) {
        const { user: _owner, ...passkey } = read;
        return passkey;
      }
      if (read && query.model === "user" && whereIsOnly(query.where, "id", read.userId)) return read.user;
      return findOne(query);
    }) as typeof findOne,
    update: (async (query: Parameters<typeof update>[0]) => {
      const read = await signingPasskey();
      const signInCounter =
        read &&
        query.model === "passkey" &&
        whereIsOnly(query.where, "id", read.id) &&
        "counter" in query.update;
      return update(
        signInCounter ? { ...query, update: { ...query.update, lastUsedAt: new Date() } } : query,
      );
    }) as typeof update,
  }));
}
