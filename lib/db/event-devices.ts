import { and, eq, isNull } from "drizzle-orm";
import { describeUserAgent } from "@/lib/format/user-agent";
import type { Database } from "./index";
import { securityEvent } from "./schema";

const BATCH = 500;

/**
 * Names the device of the log entries written before the `device` column
 * (drizzle/0005_security_event_device.sql) from their stored User-Agent, as the new-device check
 * (lib/security-activity/devices.ts) compares them: one update per distinct User-Agent. Run after
 * the migrations (./migrate.ts); a database with nothing to fill in costs one query.
 */
export async function fillInEventDevices(database: Database): Promise<void> {
  for (;;) {
    const agents = await database
      .selectDistinct({ userAgent: securityEvent.userAgent })
      .from(securityEvent)
      .where(isNull(securityEvent.device))
      .limit(BATCH);
    if (agents.length === 0) return;
    for (const { userAgent } of agents) {
      const sameAgent =
        userAgent === null ? isNull(securityEvent.userAgent) : eq(securityEvent.userAgent, userAgent);
      await database
        .update(securityEvent)
        .set({ device: describeUserAgent(userAgent) })
        .where(and(isNull(securityEvent.device), sameAgent));
    }
  }
}
