import { type SQL, sql } from "drizzle-orm";
import { securityEvent } from "@/lib/db/schema";
import { describeUserAgent } from "@/lib/format/user-agent";

/** The events that say an account was used from a device: its sign-ins and its sign-up. */
const DEVICE_EVENTS = ["sign_in", "account_created"];

/**
 * Whether a sign-in comes from a device this account has not used before: no earlier sign-in (or
 * the sign-up) with the same browser and operating system ("Chrome on macOS", the row's `device`,
 * which every log entry stores: lib/security-log/events.ts). The first sign-in of an account has
 * nothing to compare with, so it is never new. A condition for the statement that logs the sign-in
 * (`recordSecurityEventWith`), so that the check costs no round trip of its own; that statement
 * does not see its own row, so the sign-in being logged is not one of the earlier ones.
 *
 * This decides whether to send a notice, nothing more. The User-Agent is whatever the client
 * claims, so an attacker can copy the victim's and go unnoticed, and it changes with every browser
 * update; access is decided by the passkey, password or code, never by this.
 */
export function isNewDevice(userId: string, userAgent: string | null): SQL<boolean> {
  const earlier = (device?: string) => sql`select 1 from ${securityEvent} earlier
    where earlier.user_id = ${userId}
      and earlier.type in (${sql.join(
        DEVICE_EVENTS.map((type) => sql`${type}`),
        sql`, `,
      )})
      ${device === undefined ? sql`` : sql`and earlier.device = ${device}`}`;
  return sql<boolean>`(exists (${earlier()}) and not exists (${earlier(describeUserAgent(userAgent))}))`;
}
