"use client";

import { useState } from "react";
import { CheckYourInbox } from "@/components/auth/check-your-inbox";
import { useAuthForm } from "@/components/auth/use-auth-form";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { LiveRegion } from "@/components/ui/live-region";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { TextLink } from "@/components/ui/text-link";
import { checkPersonName, PERSON_NAME_MAX_LENGTH } from "@/lib/account/person-name";
import { authClient } from "@/lib/auth-client";

/**
 * Name and email, nothing else: the mailed link's page asks for the passkey (or the password), so
 * only the owner of the address ever chooses how the account signs in. The answer is "check your
 * inbox", whether or not the email already has an account: the mail tells the owner.
 * `outbox`: where mail is kept instead of sent, in development (no SMTP_URL).
 */
export function SignUpForm({ outbox }: { outbox: string | null }) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  if (sentTo) {
    return (
      <CheckYourInbox outbox={outbox} onRestart={() => setSentTo(null)}>
        We sent a mail to <strong className="break-all">{sentTo}</strong>. Open the link in it within an hour
        to finish creating your account: there you create your passkey, or choose a password.
      </CheckYourInbox>
    );
  }
  return <SignUpFields onSent={setSentTo} />;
}

function SignUpFields({ onSent }: { onSent: (email: string) => void }) {
  const { onSubmit, pending, error } = useAuthForm(
    async (form) => {
      const checked = checkPersonName(form.get("name"));
      if (!checked.ok) return { message: checked.message };
      const email = String(form.get("email")).trim();
      const { error } = await authClient.signUp.passkey({ name: checked.name, email });
      if (!error) onSent(email);
      return error;
    },
    () => {},
  );

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Create your account">
      {/* The rule counts characters, the browser UTF-16 units: an emoji is two of those. */}
      <TextField
        label="Name"
        name="name"
        required
        maxLength={PERSON_NAME_MAX_LENGTH * 2}
        autoComplete="name"
      />
      <TextField label="Email" name="email" type="email" required maxLength={320} autoComplete="email" />
      <LiveRegion>{error && <Notice tone="error">{error}</Notice>}</LiveRegion>
      <Button type="submit" pending={pending}>
        Create account
      </Button>
      <p className="text-center text-sm text-neutral-600 dark:text-neutral-400">
        Already have an account? <TextLink href="/sign-in">Sign in</TextLink>
      </p>
    </Form>
  );
}
