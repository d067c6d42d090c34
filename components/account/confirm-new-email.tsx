"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { LiveRegion } from "@/components/ui/live-region";
import { Notice } from "@/components/ui/notice";
import { TextLink } from "@/components/ui/text-link";
import { routes } from "@/config/site";
import { authClient } from "@/lib/auth-client";
import { describeAuthError } from "@/lib/auth-messages";

type ConfirmNewEmailProps = { token: string; newEmail: string };

/** The owner's "yes" to the link mailed to their new address: only this, signed in, changes the email. */
export function ConfirmNewEmail({ token, newEmail }: ConfirmNewEmailProps) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    const { error: failure } = await authClient.emailChange.confirm({ token });
    if (failure) {
      setPending(false);
      return setError(describeAuthError(failure));
    }
    // A full load, so that every part of the page shows the new address.
    window.location.assign(`${routes.account}?email=changed`);
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <Button onClick={confirm} pending={pending}>
          Use {newEmail}
        </Button>
        <TextLink href={routes.account} className="text-sm">
          Keep my current email
        </TextLink>
      </div>
      <LiveRegion>{error && <Notice tone="error">{error}</Notice>}</LiveRegion>
    </div>
  );
}
