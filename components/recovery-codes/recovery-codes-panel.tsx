"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useStepUp } from "@/components/step-up/step-up-provider";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { authClient } from "@/lib/auth-client";
import { describeActionFailure, type Feedback } from "@/lib/auth-messages";
import type { RecoveryCodeStatus } from "@/lib/recovery-codes/status";
import { RecoveryCodesReveal } from "./recovery-codes-reveal";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

/** The settings page's codes: how many are left, and making a new set to replace them. */
export function RecoveryCodesPanel({ status }: { status: RecoveryCodeStatus }) {
  const router = useRouter();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Feedback | null>(null);
  const withStepUp = useStepUp();

  async function generate() {
    setConfirming(false);
    setPending(true);
    setError(null);
    let generated: string[] | undefined;
    const failure = await withStepUp(async () => {
      const { data, error } = await authClient.recoveryCodes.generate();
      generated = data?.codes;
      return error;
    });
    setPending(false);
    if (failure || !generated) return setError(describeActionFailure(failure ?? {}));
    setCodes(generated);
  }

  if (codes) {
    return (
      <RecoveryCodesReveal
        codes={codes}
        onDone={() => {
          setCodes(null);
          router.refresh();
        }}
      />
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <p className="text-neutral-700 dark:text-neutral-300">
        {pending
          ? "Making your codes…"
          : status.total === 0
            ? "You have no recovery codes."
            : `${status.remaining} of ${status.total} codes left, generated ${dateFormat.format(new Date(status.generatedAt ?? 0))}.`}
      </p>
      {status.total > 0 && status.remaining <= 2 && (
        <Notice tone="error">
          Only {status.remaining} {status.remaining === 1 ? "code is" : "codes are"} left. Generate new ones
          now.
        </Notice>
      )}
      <Button
        onClick={() => (status.total > 0 ? setConfirming(true) : generate())}
        pending={pending}
        className="self-start"
      >
        {status.total > 0 ? "Generate new codes" : "Generate recovery codes"}
      </Button>
      <div aria-live="polite">{error && <Notice tone={error.tone}>{error.text}</Notice>}</div>
      <Dialog open={confirming} onClose={() => setConfirming(false)} title="Replace your recovery codes?">
        <div className="flex flex-col gap-4 text-sm">
          <p>Your current codes will stop working at once, including any you have printed or saved.</p>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={() => setConfirming(false)} autoFocus>
              Cancel
            </Button>
            <Button variant="danger" onClick={generate}>
              Replace codes
            </Button>
          </div>
        </div>
      </Dialog>
    </div>
  );
}
