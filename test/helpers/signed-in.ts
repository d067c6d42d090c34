import { and, asc, eq, inArray } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/lib/db";
import { securityEvent } from "@/lib/db/schema";
import { TestBrowser } from "./browser";
import { signInWithPasskey } from "./passkey-ceremonies";
import type { SoftwareAuthenticator } from "./software-authenticator";

/** A browser signed in with `authenticator`, as a second device would be. */
export async function signedInWith(authenticator: SoftwareAuthenticator): Promise<TestBrowser> {
  const browser = new TestBrowser();
  expect((await signInWithPasskey(browser, authenticator)).status).toBe(200);
  return browser;
}

/** Whether the browser's cookie still holds a session. */
export async function isSignedIn(browser: TestBrowser): Promise<boolean> {
  return (await browser.get<{ session?: unknown } | null>("/get-session")).body?.session !== undefined;
}

/** The security events a passkey's removal logs for the account: the removal and the sessions it ended. */
export function removalEvents(userId: string) {
  return db()
    .select({ type: securityEvent.type, details: securityEvent.details })
    .from(securityEvent)
    .where(
      and(
        eq(securityEvent.userId, userId),
        inArray(securityEvent.type, ["passkey_removed", "session_revoked"]),
      ),
    )
    .orderBy(asc(securityEvent.createdAt));
}
