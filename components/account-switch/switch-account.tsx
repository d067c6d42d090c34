"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { LiveRegion } from "@/components/ui/live-region";
import { Notice } from "@/components/ui/notice";
import { TextLink } from "@/components/ui/text-link";
import { routes } from "@/config/site";
import { authClient } from "@/lib/auth-client";

type SwitchAccountProps = { link: string; from: string; to: string };

/**
 * The two answers to "switch accounts?". Going on signs out first, with the POST that only this
 * origin can send, so that the link then finds no session and signs in to its own account.
 */
export function SwitchAccount({ link, from, to }: SwitchAccountProps) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  async function switchAccount() {
    setPending(true);
    setFailed(false);
    const { error } = await authClient.signOut();
    if (error) {
      setPending(false);
      setFailed(true);
      return;
    }
    window.location.assign(link);
  }

  return (
    <div className="flex flex-col gap-4">
      <Button onClick={switchAccount} pending={pending}>
        Sign out and continue as {to}
      </Button>
      <TextLink href={routes.dashboard} className="self-center text-sm">
        Stay signed in as {from}
      </TextLink>
      <LiveRegion>
        {failed && <Notice tone="error">You're still signed in as {from}. Try again in a moment.</Notice>}
      </LiveRegion>
    </div>
  );
}
