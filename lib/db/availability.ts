import { sql } from "drizzle-orm";
import { db } from "./index";

/** How long a health probe may wait before the database counts as unreachable. */
const PROBE_TIMEOUT_MS = 2_000;

/**
 * Whether the database answers a trivial query right now. Asked after a request failed with a
 * server error, to tell "the database is down" (the client should retry later) from a bug.
 */
export async function isDatabaseReachable(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  try {
    const probe = db()
      .execute(sql`select 1`)
      .then(
        () => true,
        () => false,
      );
    return await Promise.race([probe, timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
