"use client";

import { startAuthentication } from "@simplewebauthn/browser";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { describeAuthError } from "@/lib/auth/messages";
import { authClient } from "@/lib/auth-client";
import type { StepUpMethod } from "@/lib/sign-in-methods/methods";

/** Which of them this account can confirm it's them with: the answer of /step-up/methods. */
type Methods = Record<StepUpMethod, boolean>;

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
  const [error, setError] = useState<string | null>(null);
  const firstChoice = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    let current = true;
    setMethods(null);
    setError(null);
    authClient.stepUp.methods().then(({ data, error }) => {
      if (!current) return;
      if (data) setMethods(data);
      else setError(describeAuthError(error ?? {}));
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
    setError(null);
    const failure = await confirmWithPasskey();
    setPending(null);
    if (failure === null) return onConfirmed();
    setError(failure);
  }

  async function confirmWithPasskey(): Promise<string | null> {
    const options = await authClient.stepUp.passkey.options();
    if (!options.data) return describeAuthError(options.error ?? {});
    let response: Awaited<ReturnType<typeof startAuthentication>>;
    try {
      response = await startAuthentication({ optionsJSON: options.data });
    } catch {
      return methods?.password
        ? "No passkey was used. Try again, or use your password."
        : "No passkey was used. Try again.";
    }
    const { error } = await authClient.stepUp.passkey.verify({ response });
    return error ? describeAuthError(error) : null;
  }

  async function withPassword(event: FormEvent<HTMLFormElement>) {
    setPending("password");
    setError(null);
    const password = String(new FormData(event.currentTarget).get("password"));
    const { error } = await authClient.stepUp.password({ password });
    setPending(null);
    if (!error) return onConfirmed();
    setError(describeAuthError(error));
  }

  return (
    <Dialog open={open} onClose={onCancel} title="Confirm it's you">
      <div className="flex flex-col gap-4 text-sm">
        <p>For your security, confirm it's you before this change. You stay signed in.</p>
        {!methods && !error && (
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
                <TextField
                  label="Password"
                  name="password"
                  type="password"
                  required
                  autoComplete="current-password"
                />
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
        <div aria-live="polite">{error && <Notice tone="error">{error}</Notice>}</div>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </Dialog>
  );
}
