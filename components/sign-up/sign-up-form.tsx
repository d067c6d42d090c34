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
import { checkPersonName, PERSON_NAME_MAX_LENGTH } from "@/lib/account/person-name";
import { authClient } from "@/lib/auth-client";

type Method = "passkey" | "password";

/** Where the link in the password sign-up mail lands, signed in: the invitation to add a passkey. */
const AFTER_PASSWORD_SIGN_UP = `${routes.passkeys}?welcome=1`;

/**
 * Name and email, then a passkey (or, as the alternative, a password). Either way the answer is
 * "check your inbox", whether or not the email already has an account: the mail tells the owner.
 */
export function SignUpForm() {
  const [sentTo, setSentTo] = useState<string | null>(null);
  if (sentTo) return <CheckYourInbox email={sentTo} onRestart={() => setSentTo(null)} />;
  return <SignUpFields onSent={setSentTo} />;
}

function SignUpFields({ onSent }: { onSent: (email: string) => void }) {
  const [method, setMethod] = useState<Method>("passkey");
  const { onSubmit, pending, error } = useAuthForm(
    async (form) => {
      const checked = checkPersonName(form.get("name"));
      if (!checked.ok) return { message: checked.message };
      const { name } = checked;
      const email = String(form.get("email")).trim();
      const { error } =
        method === "passkey"
          ? await authClient.signUp.passkey({ name, email })
          : await authClient.signUp.email({
              name,
              email,
              password: String(form.get("password")),
              callbackURL: AFTER_PASSWORD_SIGN_UP,
            });
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
      {method === "password" && (
        <TextField
          label="Password"
          name="password"
          type="password"
          required
          minLength={8}
          maxLength={128}
          autoComplete="new-password"
          hint="At least 8 characters. You can add a passkey later, and use it instead."
        />
      )}
      <LiveRegion>{error && <Notice tone="error">{error}</Notice>}</LiveRegion>
      <Button type="submit" pending={pending}>
        {method === "passkey" ? "Create account with a passkey" : "Create account with a password"}
      </Button>
      <Button
        variant="ghost"
        onClick={() => setMethod(method === "passkey" ? "password" : "passkey")}
        disabled={pending}
      >
        {method === "passkey" ? "Use a password instead" : "Use a passkey instead"}
      </Button>
      <p className="text-center text-sm text-neutral-600 dark:text-neutral-400">
        Already have an account? <TextLink href="/sign-in">Sign in</TextLink>
      </p>
    </Form>
  );
}

function CheckYourInbox({ email, onRestart }: { email: string; onRestart: () => void }) {
  return (
    <div role="status" className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold">Check your inbox</h2>
      <p className="text-sm text-neutral-700 dark:text-neutral-300">
        We sent a mail to <strong className="break-all">{email}</strong>. Open the link in it within an hour
        to finish creating your account.
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
