import {
  defineRequestState,
  hasRequestState,
  tryGetCurrentAuthEndpointContext,
} from "@better-auth/core/context";
import { eq } from "drizzle-orm";
import { type AdapterFactory, overrideAdapter, whereIsOnly } from "@/lib/auth/adapter-overrides";
import { db } from "@/lib/db";
import { session } from "@/lib/db/schema";

/** The endpoint whose two reads are made one: the session with its user, then the user's passkeys. */
export const REGISTER_OPTIONS_PATH = "/passkey/generate-register-options";

type Row = Record<string, unknown>;

const ownersPasskeys = defineRequestState<{ userId: string; passkeys: Row[] } | null>(() => null);

/**
 * The passkey plugin's registration options read the signed-in session with its user, then that
 * user's passkeys (the `excludeCredentials` the authenticator is told about, so that it does not
 * register a second passkey for one account). On that endpoint the session's read also brings the
 * passkeys, in the same statement (a Drizzle relational query, as Better Auth's own joins are), and
 * the plugin's read of them is answered from it. Rows come back as Better Auth's adapter returns
 * them: only the fields its schema knows, at most its `defaultFindManyLimit` passkeys
 * (test/integration/passkey-registration-reads.test.ts compares the two). Any other read, and
 * every one elsewhere, goes to the database as it is.
 */
export function withPasskeyRegistrationReads(factory: AdapterFactory): AdapterFactory {
  return overrideAdapter(factory, ({ findOne, findMany }) => ({
    findOne: (async (query: Parameters<typeof findOne>[0]) => {
      const endpoint = tryGetCurrentAuthEndpointContext();
      const token = query.where?.[0]?.value;
      const sessionWithUser =
        endpoint?.path === REGISTER_OPTIONS_PATH &&
        query.model === "session" &&
        !query.select &&
        Object.keys(query.join ?? {}).join() === "user" &&
        typeof token === "string" &&
        whereIsOnly(query.where, "token", token) &&
        (await hasRequestState());
      if (!sessionWithUser) return findOne(query);
      const { tables, options } = endpoint.context;
      const limit = options.advanced?.database?.defaultFindManyLimit ?? 100;
      const found = await db().query.session.findFirst({
        where: eq(session.token, token),
        with: { user: { with: { passkeys: { limit } } } },
      });
      if (!found) return null;
      const {
        user: { passkeys, ...owner },
        ...sessionRow
      } = found;
      await ownersPasskeys.set({
        userId: owner.id,
        passkeys: passkeys.map((passkey) => fieldsOf(passkey, tables.passkey?.fields)),
      });
      return { ...fieldsOf(sessionRow, tables.session?.fields), user: fieldsOf(owner, tables.user?.fields) };
    }) as typeof findOne,
    findMany: (async (query: Parameters<typeof findMany>[0]) => {
      const read =
        tryGetCurrentAuthEndpointContext()?.path === REGISTER_OPTIONS_PATH &&
        query.model === "passkey" &&
        !query.select &&
        !query.sortBy &&
        !query.limit &&
        !query.offset &&
        !query.join &&
        (await hasRequestState())
          ? await ownersPasskeys.get()
          : null;
      if (read && whereIsOnly(query.where, "userId", read.userId)) return read.passkeys;
      return findMany(query);
    }) as typeof findMany,
  }));
}

/** A row with only the fields Better Auth's schema gives its model, and its ID. */
function fieldsOf(row: Row, fields: Record<string, unknown> | undefined): Row {
  const known = new Set(["id", ...Object.keys(fields ?? {})]);
  return Object.fromEntries(Object.entries(row).filter(([key]) => known.has(key)));
}
