"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { site } from "@/config/site";

type Props = {
  /** Leaves the step without codes; resolves to what went wrong, or null once on the way out. */
  onSkip: () => Promise<string | null>;
  disabled?: boolean;
};

/**
 * The way out of the recovery codes step without saving them: secondary, and only after the user
 * has read what it risks. The codes on screen are removed, and the app asks again later.
 */
export function SkipRecoveryCodes({ onSkip, disabled = false }: Props) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function skip() {
    setPending(true);
    setError(null);
    const failure = await onSkip();
    if (!failure) return;
    setPending(false);
    setError(failure);
  }

  return (
    <div className="print:hidden">
      <Button variant="ghost" onClick={() => setConfirming(true)} disabled={disabled}>
        Skip for now
      </Button>
      <Dialog open={confirming} onClose={() => setConfirming(false)} title="Skip your recovery codes?">
        <div className="flex flex-col gap-4 text-sm">
          <p>
            Without recovery codes, losing what you sign in with can mean losing your account for good: nobody
            at {site.name} can let you back in. The codes on this page will be removed.
          </p>
          <p>You can make new codes at any time in your security settings.</p>
          <div aria-live="polite">{error && <Notice tone="error">{error}</Notice>}</div>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setConfirming(false)} autoFocus>
              Back to my codes
            </Button>
            <Button variant="danger" onClick={skip} pending={pending}>
              Skip without codes
            </Button>
          </div>
        </div>
      </Dialog>
    </div>
  );
}
