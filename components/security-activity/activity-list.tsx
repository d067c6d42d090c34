import { readableIpAddress } from "@/lib/format/ip-address";
import { formatRelativeTime } from "@/lib/format/relative-time";
import { describeUserAgent } from "@/lib/format/user-agent";
import { describeSecurityEvent, type EventDescriptions } from "@/lib/security-activity/describe";
import type { SecurityActivityEvent } from "@/lib/security-activity/list";

const exactTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "UTC",
});

/** The security log as sentences, newest first: what, from which browser and address, and when. */
type Props = {
  events: SecurityActivityEvent[];
  /** How each feature words its events (`eventDescriptionsOf`). */
  descriptions: EventDescriptions;
  now: Date;
};

export function ActivityList({ events, descriptions, now }: Props) {
  return (
    <ol aria-label="Security activity" className="divide-y divide-neutral-200 dark:divide-neutral-800">
      {events.map((event) => {
        const { summary, attention, badge } = describeSecurityEvent(event, descriptions);
        const address = event.ipAddress && readableIpAddress(event.ipAddress);
        const where = [describeUserAgent(event.userAgent), address].filter(Boolean).join(" · ");
        return (
          <li key={event.id} className="flex gap-3 py-3">
            <span
              aria-hidden="true"
              className={`mt-2 size-2 shrink-0 rounded-full ${attention ? "bg-amber-500" : "bg-neutral-300 dark:bg-neutral-600"}`}
            />
            <div className="min-w-0">
              <p className="font-medium">
                {summary}
                {badge && (
                  <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">
                    {badge}
                  </span>
                )}
              </p>
              <p className="break-words text-sm text-neutral-600 dark:text-neutral-400">
                {where} ·{" "}
                <time
                  dateTime={event.createdAt.toISOString()}
                  title={`${exactTime.format(event.createdAt)} UTC`}
                >
                  {formatRelativeTime(event.createdAt, now)}
                </time>
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
