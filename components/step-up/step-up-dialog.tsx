"use client";

import { startAuthentication, WebAuthnError } from "@simplewebauthn/browser";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CurrentPasswordField } from "@/components/ui/current-password-field";
import { Dialog } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { authClient } from "@/lib/auth-client";
import {
  type AuthClientError,
  describeAuthError,
  describeCeremonyFailure,
  type Feedback,
} from "@/lib/auth-messages";
import type { StepUpMethod } from "@/lib/sign-in-methods/methods";

/** Which of them this account can confirm it's them with: the answer of /step-up/methods. */
type Methods = Record<StepUpMethod, boolean>;

const failed = (error: AuthClientError): Feedback => ({ tone: "error", text: describeAuthError(error) });

type Props = {
  open: boolean;
  /** The current session is stepped up: the action can be tried again. */
  onConfirmed: () => void;
  onCancel: () => void;
};

/**
 * Confirms it's the user without leaving the page or signing in again: a passkey first, the
 * password only for accounts that have one. The server offers only this account's own passkeys.
 */
export function StepUpDialog({ open, onConfirmed, onCancel }: Props) {
  const [methods, setMethods] = useState<Methods | null>(null);
  const [pending, setPending] = useState<StepUpMethod | null>(null);
  const [feedback, setFeedback] = useState<Feedback | null>(null);
  const firstChoice = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    let current = true;
    setMethods(null);
    setFeedback(null);
    authClient.stepUp.methods().then(({ data, error }) => {
      if (!current) return;
      if (data) setMethods(data);
      else setFeedback(failed(error ?? {}));
    });
    return () => {
      current = false;
    };
  }, [open]);

  // Once the ways to confirm are shown, the first of them takes focus.
  useEffect(() => {
    if (methods) firstChoice.current?.querySelector<HTMLElement>("button, input")?.focus();
  }, [methods]);

  async function withPasskey() {
    setPending("passkey");
    setFeedback(null);
    const failure = await confirmWithPasskey();
    setPending(null);
    if (failure === null) return onConfirmed();
    setFeedback(failure);
  }

  async function confirmWithPasskey(): Promise<Feedback | null> {
    const options = await authClient.stepUp.passkey.options();
    if (!options.data) return failed(options.error ?? {});
    let response: Awaited<ReturnType<typeof startAuthentication>>;
    try {
      response = await startAuthentication({ optionsJSON: options.data });
    } catch (error) {
      // As the passkey client reports it: SimpleWebAuthn's code, or a cancellation.
      const code = error instanceof WebAuthnError ? error.code : "AUTH_CANCELLED";
      return describeCeremonyFailure(
        { code },
        methods?.password
          ? "No passkey was used. Try again, or use your password."
          : "No passkey was used. Try again.",
      );
    }
    const { error } = await authClient.stepUp.passkey.verify({ response });
    return error ? failed(error) : null;
  }

  async function withPassword(event: FormEvent<HTMLFormElement>) {
    setPending("password");
    setFeedback(null);
    const password = String(new FormData(event.currentTarget).get("password"));
    const { error } = await authClient.stepUp.password({ password });
    setPending(null);
    if (!error) return onConfirmed();
    setFeedback(failed(error));
  }

  return (
    <Dialog open={open} onClose={onCancel} title="Confirm it's you">
      <div className="flex flex-col gap-4 text-sm">
        <p>For your security, confirm it's you before this change. You stay signed in.</p>
        {!methods && !feedback && (
          <p role="status" className="text-neutral-600 dark:text-neutral-400">
            Loading…
          </p>
        )}
        {methods && (
          <div ref={firstChoice} className="flex flex-col gap-4">
            {methods.passkey && (
              <Button onClick={withPasskey} pending={pending === "passkey"} disabled={pending !== null}>
                Confirm with a passkey
              </Button>
            )}
            {methods.password && (
              <Form
                onSubmit={withPassword}
                className="flex flex-col gap-3"
                aria-label="Confirm with your password"
              >
                <CurrentPasswordField />
                <Button
                  type="submit"
                  variant="secondary"
                  pending={pending === "password"}
                  disabled={pending !== null}
                >
                  Confirm with password
                </Button>
              </Form>
            )}
            {!methods.passkey && !methods.password && (
              <p>This session cannot confirm it's you. Sign out, then sign in again to make this change.</p>
            )}
          </div>
        )}
        <div aria-live="polite">{feedback && <Notice tone={feedback.tone}>{feedback.text}</Notice>}</div>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Dialog>
  );
}
