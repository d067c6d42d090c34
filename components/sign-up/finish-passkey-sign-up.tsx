"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { LiveRegion } from "@/components/ui/live-region";
import { Notice } from "@/components/ui/notice";
import { TextLink } from "@/components/ui/text-link";
import { routes } from "@/config/site";
import { authClient } from "@/lib/auth-client";
import {
  type AuthClientError,
  type Feedback as CeremonyFeedback,
  describeCeremonyFailure,
} from "@/lib/auth-messages";

type Feedback = (CeremonyFeedback & { restart?: boolean }) | null;

/** Where a new account goes first: the recovery codes it needs before it can lose its only passkey. */
const AFTER_SIGN_UP = `${routes.recoveryCodes}?reveal=1`;

/** The mailed link's token sits in the URL fragment, which the browser never sends to a server. */
function tokenFromFragment(): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get("token");
}

/** One tap: the browser creates the passkey, and the server creates the account with it. */
export function FinishPasskeySignUp() {
  const router = useRouter();
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [pending, setPending] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);

  useEffect(() => setToken(tokenFromFragment()), []);

  async function createPasskey() {
    if (!token) return;
    setPending(true);
    setFeedback(null);
    const { error } = await authClient.passkey.addPasskey({ context: token, createSession: true });
    if (!error) {
      router.replace(AFTER_SIGN_UP);
      router.refresh();
      return;
    }
    setPending(false);
    setFeedback(describeFailure(error));
  }

  if (token === null) {
    return (
      <Notice tone="error">
        This link is incomplete. Open the link from the mail again, or{" "}
        <TextLink href="/sign-up" tone="inherit">
          start again
        </TextLink>
        .
      </Notice>
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <Button onClick={createPasskey} pending={pending} disabled={!token}>
        Create my passkey
      </Button>
      <LiveRegion>
        {feedback && (
          <Notice tone={feedback.tone}>
            {feedback.text}
            {feedback.restart && (
              <>
                {" "}
                <TextLink href="/sign-up" tone="inherit">
                  Start again
                </TextLink>{" "}
                or{" "}
                <TextLink href="/sign-in" tone="inherit">
                  sign in
                </TextLink>
                .
              </>
            )}
          </Notice>
        )}
      </LiveRegion>
    </div>
  );
}

function describeFailure(error: AuthClientError): Feedback {
  const restart = error.code === "SIGN_UP_LINK_INVALID" || error.code === "ACCOUNT_EXISTS";
  return {
    ...describeCeremonyFailure(
      error,
      "No passkey was created, and no account. Try again whenever you're ready.",
    ),
    restart,
  };
}
