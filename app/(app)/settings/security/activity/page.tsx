import type { Metadata } from "next";
import { ActivityList } from "@/components/security-activity/activity-list";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { routes } from "@/config/site";
import { auth } from "@/lib/auth";
import { eventDescriptionsOf } from "@/lib/security-activity/describe";
import { listSecurityActivity } from "@/lib/security-activity/list";
import { requireSession } from "@/lib/session";

export const metadata: Metadata = { title: "Security activity" };

type SearchParams = Promise<{ before?: string | string[] }>;

export default async function ActivityPage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requireSession();
  const { before } = await searchParams;
  const cursor = typeof before === "string" ? before : undefined;
  const { events, hasOlder } = await listSecurityActivity(user.id, { before: cursor });
  const older = events.at(-1);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Security activity"
        description={
          <>
            Sign-ins, failed attempts and changes to how you sign in, newest first. Something you don't
            recognise? <TextLink href={routes.passkeys}>Check your passkeys</TextLink> and{" "}
            <TextLink href={routes.sessions}>sign out other sessions</TextLink>.
          </>
        }
      />
      {events.length > 0 ? (
        <ActivityList events={events} descriptions={eventDescriptionsOf(auth().options)} now={new Date()} />
      ) : (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          {cursor ? "No older activity." : "No activity yet."}
        </p>
      )}
      {(cursor || hasOlder) && (
        <nav aria-label="Older and newer activity" className="flex gap-6 text-sm">
          {cursor && <TextLink href={routes.activity}>Newest activity</TextLink>}
          {hasOlder && older && (
            <TextLink href={`${routes.activity}?before=${encodeURIComponent(older.id)}`}>
              Older activity
            </TextLink>
          )}
        </nav>
      )}
    </div>
  );
}
