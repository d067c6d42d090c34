"use client";

import { useRef } from "react";
import { AddPasskeyLink } from "@/components/passkeys/add-passkey-link";
import { Button } from "@/components/ui/button";
import { authClient } from "@/lib/auth-client";
import { useFirstSight } from "./use-first-sight";

const recordOfferShown = () => void authClient.passkeyUpgrade.offerShown();

/** The offer in words. Once it is on screen the server records it, and the week is spent. */
export function PasskeyOfferBanner({ onDismiss }: { onDismiss: () => void }) {
  const banner = useRef<HTMLElement>(null);
  useFirstSight(banner, recordOfferShown);
  return (
    <section
      ref={banner}
      aria-labelledby="passkey-upgrade-title"
      className="mb-6 flex flex-col gap-3 rounded-xl border border-blue-200 bg-blue-50 p-4 sm:flex-row sm:items-center dark:border-blue-900 dark:bg-blue-950/40"
    >
      <div className="flex-1">
        <h2 id="passkey-upgrade-title" className="font-medium">
          Skip the password next time
        </h2>
        <p className="text-sm text-neutral-700 dark:text-neutral-300">
          Sign in with your fingerprint, face or screen lock. Nothing to remember, nothing to phish.
        </p>
      </div>
      <div className="flex gap-2">
        <AddPasskeyLink />
        <Button variant="ghost" onClick={onDismiss}>
          Not now
        </Button>
      </div>
    </section>
  );
}
