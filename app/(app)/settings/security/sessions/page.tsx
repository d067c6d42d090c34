import type { Metadata } from "next";
import { SessionManager } from "@/components/sessions/session-manager";
import { PageHeader } from "@/components/ui/page-header";
import { requireSession } from "@/lib/session";
import { activeSessions } from "@/lib/sessions/active-sessions";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage() {
  const { user, session } = await requireSession();
  const sessions = await activeSessions(user.id, session.id);
  return (
    <div className="flex flex-col gap-8">
      <PageHeader
        title="Sessions"
        description="Where your account is signed in. Sign out anywhere you don't recognise."
      />
      <SessionManager sessions={sessions} now={new Date().toISOString()} />
    </div>
  );
}
