"use client";

import { useState } from "react";
import { useStepUp } from "@/components/step-up/step-up-provider";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { site } from "@/config/site";
import { authClient } from "@/lib/auth-client";
import { describeActionFailure, type Feedback } from "@/lib/auth-messages";

/**
 * Going passwordless: a warning that says what the account gains and what it risks, then the
 * removal, after a recent step-up. Offered only when the account keeps a passkey and a way back in
 * (lib/password/passwordless.ts); the server checks the same rule again.
 */
export function RemovePassword({ onRemoved }: { onRemoved: () => void }) {
  const withStepUp = useStepUp();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Feedback | null>(null);

  function close() {
    setConfirming(false);
    setFailure(null);
  }

  async function removePassword() {
    setPending(true);
    setFailure(null);
    const error = await withStepUp(async () => (await authClient.password.remove()).error);
    setPending(false);
    if (error) return setFailure(describeActionFailure(error));
    close();
    onRemoved();
  }

  return (
    <>
      <Button variant="secondary" className="self-start" onClick={() => setConfirming(true)}>
        Remove password…
      </Button>
      <Dialog open={confirming} onClose={close} title="Remove your password?">
        <div className="flex flex-col gap-4 text-sm">
          <p>
            From now on you sign in with your passkeys only. A passkey works on {site.name} alone, so no
            look-alike site can get your way in out of you: your account becomes phishing-resistant.
          </p>
          <p>
            <strong className="font-semibold">If you lose your passkeys,</strong> only a recovery code or
            another passkey gets you back in. Keep your recovery codes safe: without a password there is
            nothing to reset, and a mailed link cannot let you in.
          </p>
          <p>Sessions signed in with your password are signed out. You can add a password again later.</p>
          <div aria-live="polite">{failure && <Notice tone={failure.tone}>{failure.text}</Notice>}</div>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button variant="danger" pending={pending} onClick={removePassword}>
              Remove password
            </Button>
          </div>
        </div>
      </Dialog>
    </>
  );
}
