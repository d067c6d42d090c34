"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useStepUp } from "@/components/step-up/step-up-provider";
import { Button } from "@/components/ui/button";
import { LinkButton } from "@/components/ui/link-button";
import { LiveRegion } from "@/components/ui/live-region";
import { Notice } from "@/components/ui/notice";
import { authClient } from "@/lib/auth-client";
import { describeActionFailure, describeAuthError, type Feedback } from "@/lib/auth-messages";
import { RecoveryCodesReveal } from "./recovery-codes-reveal";
import { SkipRecoveryCodes } from "./skip-recovery-codes";

type Props = {
  /** Where the user goes once the codes are saved or skipped: a same-origin path. */
  next: string;
  /** The account has codes already: new ones would end them, so the user chooses first. */
  hasCodes: boolean;
};

type Step =
  | { kind: "making" }
  | { kind: "choosing" }
  | { kind: "failed"; error: Feedback }
  | { kind: "shown"; codes: string[] };

/**
 * The recovery codes step: the codes are made on arrival (under step-up, which a sign-up or a passkey
 * just added satisfies) and shown once. The way on is "I have saved these codes"; the way out without
 * them is "Skip for now", after a warning; closing the tab first makes the browser ask.
 */
export function SaveRecoveryCodes({ next, hasCodes }: Props) {
  const router = useRouter();
  const withStepUp = useStepUp();
  const [step, setStep] = useState<Step>(hasCodes ? { kind: "choosing" } : { kind: "making" });
  const started = useRef(false);

  async function make() {
    setStep({ kind: "making" });
    let codes: string[] | undefined;
    const failure = await withStepUp(async () => {
      const { data, error } = await authClient.recoveryCodes.generate();
      codes = data?.codes;
      return error;
    });
    if (failure || !codes) return setStep({ kind: "failed", error: describeActionFailure(failure ?? {}) });
    setStep({ kind: "shown", codes });
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: once per visit, and not twice under StrictMode
  useEffect(() => {
    if (hasCodes || started.current) return;
    started.current = true;
    void make();
  }, []);

  async function skip(): Promise<string | null> {
    // Codes nobody saved are no way back in, and must not be counted as one.
    if (step.kind === "shown") {
      const failure = await withStepUp(async () => (await authClient.recoveryCodes.discard()).error);
      if (failure) return describeAuthError(failure);
    }
    router.replace(next);
    return null;
  }

  return (
    <div className="flex flex-col gap-6">
      <LiveRegion>
        {step.kind === "making" && (
          <p className="text-neutral-700 dark:text-neutral-300">Making your codes…</p>
        )}
        {step.kind === "failed" && <Notice tone={step.error.tone}>{step.error.text}</Notice>}
      </LiveRegion>
      {step.kind === "failed" && (
        <Button onClick={make} className="self-start">
          Try again
        </Button>
      )}
      {step.kind === "choosing" && (
        <div className="flex flex-col gap-4">
          <p>
            You already have recovery codes. New ones replace them: the codes you saved stop working at once.
          </p>
          <div className="flex flex-wrap gap-2">
            <LinkButton href={next}>Keep my codes</LinkButton>
            <Button variant="secondary" onClick={make}>
              Make new codes
            </Button>
          </div>
        </div>
      )}
      {step.kind === "shown" && (
        <RecoveryCodesReveal codes={step.codes} onDone={() => router.replace(next)} />
      )}
      {step.kind !== "choosing" && <SkipRecoveryCodes onSkip={skip} disabled={step.kind === "making"} />}
    </div>
  );
}
