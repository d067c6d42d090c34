import type { Metadata } from "next";
import { SessionManager } from "@/components/settings/session-manager";
import { requireSession } from "@/lib/auth/session";
import { activeSessions } from "@/lib/sessions/active-sessions";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage() {
  const { user, session } = await requireSession();
  const sessions = await activeSessions(user.id, session.id);
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sessions</h1>
        <p className="mt-1 text-neutral-600 dark:text-neutral-400">
          Where your account is signed in. Sign out anywhere you don't recognise.
        </p>
      </div>
      <SessionManager sessions={sessions} now={new Date().toISOString()} />
    </div>
  );
}
