"use client";

import { useState } from "react";
import { useAuthForm } from "@/components/auth/use-auth-form";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { LiveRegion } from "@/components/ui/live-region";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { TextLink } from "@/components/ui/text-link";
import { routes } from "@/config/site";
import { authClient } from "@/lib/auth-client";

/**
 * Asks for a reset link. The answer is "check your inbox" whatever the address: whether it has an
 * account, and whether that account has a password, only its owner learns, from the mail.
 */
export function ForgotPasswordForm() {
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

  if (sentTo) return <CheckYourInbox email={sentTo} onRestart={() => setSentTo(null)} />;
  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Reset your password">
      <TextField label="Email" name="email" type="email" required maxLength={320} autoComplete="username" />
      <LiveRegion>{error && <Notice tone="error">{error}</Notice>}</LiveRegion>
      <Button type="submit" pending={pending}>
        Mail me a link
      </Button>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        An account that signs in with passkeys only has no password to reset: if you lost your passkeys,{" "}
        <TextLink href={routes.recoverWithCode}>sign in with a recovery code</TextLink>.
      </p>
      <p className="text-center text-sm text-neutral-600 dark:text-neutral-400">
        Remembered it? <TextLink href="/sign-in">Sign in</TextLink>
      </p>
    </Form>
  );
}

function CheckYourInbox({ email, onRestart }: { email: string; onRestart: () => void }) {
  return (
    <div role="status" className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold">Check your inbox</h2>
      <p className="text-sm text-neutral-700 dark:text-neutral-300">
        If <strong className="break-all">{email}</strong> has an account, we've sent it a mail. For an account
        with a password, it holds a link to choose a new one, which works once, within an hour.
      </p>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        Nothing there? Check your spam folder, or{" "}
        <button type="button" onClick={onRestart} className="underline underline-offset-2 hover:no-underline">
          try another address
        </button>
        .
      </p>
    </div>
  );
}
