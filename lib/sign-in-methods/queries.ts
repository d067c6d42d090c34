import { and, count, eq, isNotNull, ne, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import { type Database, db } from "@/lib/db";
import { account, passkey } from "@/lib/db/schema";
import type { AccountSignInMethods } from "./methods";

/** Better Auth's provider ID for the email + password credential in `accounts`. */
export const PASSWORD_PROVIDER = "credential";

/**
 * The one definition of "has a password": an `accounts` row of the password provider that holds a
 * hash. `userId` is an ID, or a column (e.g. `user.id`) to correlate with an outer query.
 */
function passwordOf(userId: string | SQLWrapper): SQL | undefined {
  return and(
    eq(account.userId, userId),
    eq(account.providerId, PASSWORD_PROVIDER),
    isNotNull(account.password),
  );
}

/** Whether the user has a password, as an SQL condition: for figures that must stay one statement. */
export function hasPasswordCondition(userId: string | SQLWrapper): SQL {
  return sql`exists (select 1 from ${account} where ${passwordOf(userId)})`;
}

/**
 * The account's own ways in. `without` leaves one passkey out of the count: what would be left
 * after removing it. `executor` lets a transaction read it under its own locks.
 */
export async function signInMethodsOf(
  userId: string,
  { without, executor = db() }: { without?: string; executor?: Database } = {},
): Promise<AccountSignInMethods> {
  const [passkeys] = await executor
    .select({ total: count() })
    .from(passkey)
    .where(and(eq(passkey.userId, userId), without === undefined ? undefined : ne(passkey.id, without)));
  const [password] = await executor
    .select({ id: account.id })
    .from(account)
    .where(passwordOf(userId))
    .limit(1);
  return { passkeys: Number(passkeys?.total ?? 0), hasPassword: password !== undefined };
}

/** The stored hash of the user's password, to check one against; null when they have none. */
export async function passwordHashOf(userId: string): Promise<string | null> {
  const [found] = await db()
    .select({ hash: account.password })
    .from(account)
    .where(passwordOf(userId))
    .limit(1);
  return found?.hash ?? null;
}
