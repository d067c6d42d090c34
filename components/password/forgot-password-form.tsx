"use client";

import { type ReactNode, useState } from "react";
import { CheckYourInbox } from "@/components/auth/check-your-inbox";
import { useAuthForm } from "@/components/auth/use-auth-form";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { LiveRegion } from "@/components/ui/live-region";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { TextLink } from "@/components/ui/text-link";
import { authClient } from "@/lib/auth-client";

/**
 * Asks for a reset link. The answer is "check your inbox" whatever the address: whether it has an
 * account, and whether that account has a password, only its owner learns, from the mail.
 * `outbox`: where mail is kept instead of sent, in development (no SMTP_URL). `passkeysOnlyHint`:
 * the way back in for an account that has no password to reset, when a feature offers one.
 */
export function ForgotPasswordForm({
  outbox,
  passkeysOnlyHint,
}: {
  outbox: string | null;
  passkeysOnlyHint?: ReactNode;
}) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const { onSubmit, pending, error } = useAuthForm(
    async (form) => {
      const email = String(form.get("email")).trim();
      const { error } = await authClient.requestPasswordReset({ email });
      if (!error) setSentTo(email);
      return error;
    },
    () => {},
  );

  if (sentTo) {
    return (
      <CheckYourInbox outbox={outbox} onRestart={() => setSentTo(null)}>
        If <strong className="break-all">{sentTo}</strong> has an account, we've sent it a mail. For an
        account with a password, it holds a link to choose a new one, which works once, within an hour.
      </CheckYourInbox>
    );
  }
  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Reset your password">
      <TextField label="Email" name="email" type="email" required maxLength={320} autoComplete="username" />
      <LiveRegion>{error && <Notice tone="error">{error}</Notice>}</LiveRegion>
      <Button type="submit" pending={pending}>
        Mail me a link
      </Button>
      {passkeysOnlyHint && (
        <p className="text-sm text-neutral-600 dark:text-neutral-400">{passkeysOnlyHint}</p>
      )}
      <p className="text-center text-sm text-neutral-600 dark:text-neutral-400">
        Remembered it? <TextLink href="/sign-in">Sign in</TextLink>
      </p>
    </Form>
  );
}
