import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/lib/db";
import { securityEvent } from "@/lib/db/schema";
import { describeUserAgent } from "@/lib/format/user-agent";

/**
 * Whether a sign-in comes from a device this account has not used before: no earlier sign-in (or
 * the sign-up) with the same browser and operating system ("Chrome on macOS"). The first sign-in
 * of an account has nothing to compare with, so it is never new.
 *
 * This decides whether to send a notice, nothing more. The User-Agent is whatever the client
 * claims, so an attacker can copy the victim's and go unnoticed, and it changes with every browser
 * update; access is decided by the passkey, password or code, never by this.
 */
export async function isNewDevice(userId: string, userAgent: string | null): Promise<boolean> {
  const earlier = await db()
    .selectDistinct({ userAgent: securityEvent.userAgent })
    .from(securityEvent)
    .where(
      and(eq(securityEvent.userId, userId), inArray(securityEvent.type, ["sign_in", "account_created"])),
    );
  if (earlier.length === 0) return false;
  const device = describeUserAgent(userAgent);
  return !earlier.some((event) => describeUserAgent(event.userAgent) === device);
}
