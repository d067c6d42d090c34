"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useStepUp } from "@/components/step-up/step-up-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { LiveRegion } from "@/components/ui/live-region";
import { Notice } from "@/components/ui/notice";
import { authClient } from "@/lib/auth-client";
import { type AuthClientError, describeActionFailure, type Feedback } from "@/lib/auth-messages";
import { readableIpAddress } from "@/lib/format/ip-address";
import { formatRelativeTime } from "@/lib/format/relative-time";
import type { ActiveSession } from "@/lib/sessions/active-sessions";
import { signedInWith } from "./signed-in-with";

type Props = { sessions: ActiveSession[]; now: string };

/** The list of sessions, and signing out of one or all others, each through a step-up. */
export function SessionManager({ sessions, now }: Props) {
  const router = useRouter();
  const withStepUp = useStepUp();
  const [pending, setPending] = useState<string | null>(null);
  // What the last sign-out did, by the heading that takes focus; or, by the buttons, why it did not happen.
  const [done, setDone] = useState("");
  const [failure, setFailure] = useState<Feedback | null>(null);
  const [focusList, setFocusList] = useState(false);
  const others = sessions.filter((session) => !session.isCurrent);

  // After a sign-out the row (and its button) is gone: focus goes back to the list's heading.
  useEffect(() => {
    if (!focusList) return;
    document.getElementById("your-sessions")?.focus();
    setFocusList(false);
  }, [focusList]);

  async function signOut(
    key: string,
    action: () => Promise<{ error: AuthClientError | null }>,
    outcome: string,
  ) {
    setPending(key);
    setDone("");
    setFailure(null);
    const error = await withStepUp(async () => (await action()).error);
    setPending(null);
    if (error) return setFailure(describeActionFailure(error));
    setDone(outcome);
    setFocusList(true);
    router.refresh();
  }

  return (
    <section aria-labelledby="your-sessions" className="flex flex-col gap-4">
      <h2
        id="your-sessions"
        tabIndex={-1}
        className="self-start rounded-sm text-lg font-medium focus:outline-2 focus:outline-offset-2 focus:outline-blue-600"
      >
        Signed in ({sessions.length})
      </h2>
      <LiveRegion>{done && <Notice tone="success">{done}</Notice>}</LiveRegion>
      <ul
        aria-label="Your sessions"
        className="divide-y divide-neutral-200 rounded-xl border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800"
      >
        {sessions.map((session) => (
          <li
            key={session.id}
            aria-label={session.device}
            className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-center sm:justify-between"
          >
            <div className="flex min-w-0 flex-col gap-1">
              <p className="flex flex-wrap items-center gap-2 font-medium">
                {session.device}
                {session.isCurrent && <Badge>This device</Badge>}
              </p>
              <p className="text-sm text-neutral-600 dark:text-neutral-400">
                {session.ipAddress ? readableIpAddress(session.ipAddress) : "Unknown address"} · Last active{" "}
                <time dateTime={session.lastActiveAt}>
                  {formatRelativeTime(session.lastActiveAt, new Date(now))}
                </time>
              </p>
              <p className="text-sm text-neutral-600 dark:text-neutral-400">
                Signed in{" "}
                <time dateTime={session.signedInAt}>
                  {formatRelativeTime(session.signedInAt, new Date(now))}
                </time>
                {signedInWith(session) && ` with ${signedInWith(session)}`}
              </p>
            </div>
            {!session.isCurrent && (
              <Button
                variant="secondary"
                className="self-start sm:self-auto"
                aria-label={`Sign out ${session.device}`}
                pending={pending === session.id}
                disabled={pending !== null}
                onClick={() =>
                  signOut(
                    session.id,
                    () => authClient.sessions.revoke({ id: session.id }),
                    `Signed out ${session.device}.`,
                  )
                }
              >
                Sign out
              </Button>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <Button
          variant="danger"
          className="self-start"
          pending={pending === "others"}
          disabled={pending !== null}
          onClick={() =>
            signOut("others", () => authClient.revokeOtherSessions(), "Signed out of every other session.")
          }
        >
          Sign out all other sessions
        </Button>
      )}
      <LiveRegion>{failure && <Notice tone={failure.tone}>{failure.text}</Notice>}</LiveRegion>
    </section>
  );
}
