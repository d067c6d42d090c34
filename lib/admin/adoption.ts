import { type SQL, sql } from "drizzle-orm";
import { db } from "@/lib/db";
import { user } from "@/lib/db/schema";
import {
  type AccountSignInMethods,
  isSignInMethod,
  SIGN_IN_METHODS,
  type SignInMethod,
} from "@/lib/sign-in-methods/methods";
import { hasPasswordCondition } from "@/lib/sign-in-methods/queries";

/**
 * The figures of the adoption dashboard at /admin, one query each. Plain SQL that PostgreSQL 15
 * runs as well as PGlite; every time window is measured from `now`, a parameter, never from the
 * database clock, so that the figures for a given moment are reproducible.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

/** How far back "active" and the sign-in chart look. */
export const WINDOW_DAYS = 30;

export type PasskeyAdoption = {
  /** Accounts that signed in, or used a session, in the last 30 days. */
  activeUsers: number;
  /** Of those, accounts with at least one passkey. */
  withPasskey: number;
  /** Of those, by the kind of passkeys they have. */
  syncedOnly: number;
  deviceBoundOnly: number;
  both: number;
};

/**
 * Active: a sign-in recorded in the security log, or a session used, in the last 30 days. Sessions
 * count because a user can stay signed in for longer than the window; Better Auth moves a session's
 * updated_at forward when it extends it, at most once a day, which is precise enough for this.
 * Device-bound as in lib/admin/policy.ts: single-device and not backed up; anything else is synced.
 */
export async function passkeyAdoption(now: Date = new Date()): Promise<PasskeyAdoption> {
  const since = new Date(now.getTime() - WINDOW_DAYS * DAY_MS).toISOString();
  const until = now.toISOString();
  const [row] = await rows<PasskeyAdoption>(sql`
    with active as (
      select user_id from sessions
      where updated_at > ${since}::timestamptz and updated_at <= ${until}::timestamptz
      union
      select user_id from security_events
      where type = 'sign_in' and user_id is not null
        and created_at > ${since}::timestamptz and created_at <= ${until}::timestamptz
    ),
    kinds as (
      select user_id,
        bool_or(device_type = 'singleDevice' and not backed_up) as has_device_bound,
        bool_or(not (device_type = 'singleDevice' and not backed_up)) as has_synced
      from passkeys
      where created_at <= ${until}::timestamptz
      group by user_id
    )
    select
      count(*)::int as "activeUsers",
      count(kinds.user_id)::int as "withPasskey",
      count(*) filter (where has_synced and not has_device_bound)::int as "syncedOnly",
      count(*) filter (where has_device_bound and not has_synced)::int as "deviceBoundOnly",
      count(*) filter (where has_device_bound and has_synced)::int as "both"
    from active left join kinds using (user_id)
  `);
  return row ?? { activeUsers: 0, withPasskey: 0, syncedOnly: 0, deviceBoundOnly: 0, both: 0 };
}

export type SignInsOnDay = { day: string } & Record<SignInMethod, number>;

const noSignIns = () =>
  Object.fromEntries(SIGN_IN_METHODS.map((method) => [method, 0])) as Record<SignInMethod, number>;

/**
 * Sign-ins per UTC day and method, from the security log's "sign_in" events, for the 30 days that
 * end with today (days without any included, so the chart has no gaps).
 */
export async function signInsByDay(now: Date = new Date()): Promise<SignInsOnDay[]> {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const firstDay = new Date(today - (WINDOW_DAYS - 1) * DAY_MS);
  const counts = await rows<{ day: string; method: string; signIns: number }>(sql`
    select
      to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day,
      details->>'method' as method,
      count(*)::int as "signIns"
    from security_events
    where type = 'sign_in'
      and created_at >= ${firstDay.toISOString()}::timestamptz
      and created_at <= ${now.toISOString()}::timestamptz
    group by 1, 2
  `);
  const days = Array.from({ length: WINDOW_DAYS }, (_, index): SignInsOnDay => {
    const day = new Date(firstDay.getTime() + index * DAY_MS).toISOString().slice(0, 10);
    return { day, ...noSignIns() };
  });
  const byDay = new Map(days.map((entry) => [entry.day, entry]));
  for (const { day, method, signIns } of counts) {
    const entry = byDay.get(day);
    if (entry && isSignInMethod(method)) entry[method] = signIns;
  }
  return days;
}

export type AccountWithoutRecovery = AccountSignInMethods & { id: string; email: string; createdAt: Date };

/**
 * No recovery path: losing one thing locks the account for good. The account has no unused
 * recovery code, and at most one way to sign in of its own: one passkey and no password, or a
 * password and no passkey. (Two passkeys are on two authenticators: registration excludes an
 * authenticator that already holds one of the account's passkeys.) Newest accounts first.
 */
export async function accountsWithoutRecovery({
  limit = 50,
  now = new Date(),
}: {
  limit?: number;
  now?: Date;
} = {}): Promise<{ total: number; accounts: AccountWithoutRecovery[] }> {
  const found = await rows<AccountWithoutRecovery & { total: number }>(sql`
    with ways_in as (
      select users.id, users.email, users.created_at,
        (select count(*) from passkeys where passkeys.user_id = users.id)::int as passkeys,
        ${hasPasswordCondition(user.id)} as has_password
      from users
      where users.created_at <= ${now.toISOString()}::timestamptz
        and not exists (
          select 1 from recovery_codes
          where recovery_codes.user_id = users.id and recovery_codes.used_at is null
        )
    )
    select id, email, created_at as "createdAt", passkeys, has_password as "hasPassword",
      count(*) over ()::int as total
    from ways_in
    where passkeys + (case when has_password then 1 else 0 end) <= 1
    order by created_at desc, id
    limit ${limit}
  `);
  return {
    total: found[0]?.total ?? 0,
    accounts: found.map(({ total: _, createdAt, ...account }) => ({
      ...account,
      createdAt: new Date(createdAt),
    })),
  };
}

async function rows<T>(statement: SQL): Promise<T[]> {
  // node-postgres and PGlite both answer with { rows }; the shared Database type leaves it unknown.
  const result = (await db().execute(statement)) as { rows: T[] };
  return result.rows;
}
