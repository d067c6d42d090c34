"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { PasskeySignInButton } from "@/components/passkeys/passkey-sign-in-button";
import { loadAuthClient } from "@/components/passkeys/sign-in";
import { usePasskeyAutofill } from "@/components/passkeys/use-passkey-autofill";
import { Button } from "@/components/ui/button";
import { CurrentPasswordField } from "@/components/ui/current-password-field";
import { Form } from "@/components/ui/form";
import { LiveRegion } from "@/components/ui/live-region";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { TextLink } from "@/components/ui/text-link";
import { routes, site } from "@/config/site";
import {
  type AuthClientError,
  describeAuthError,
  describeCeremonyFailure,
  type Feedback,
  isCeremonyAborted,
} from "@/lib/auth-messages";
import { useAuthForm } from "./use-auth-form";

/** Passkey first (autofill and button), with the password path always in view. `next` is already safe. */
export function SignInForm({ next, rpId }: { next: string; rpId: string }) {
  const router = useRouter();
  const [feedback, setFeedback] = useState<Feedback | null>(null);

  const goNext = () => {
    router.replace(next);
    router.refresh();
  };
  const showError = (error: AuthClientError) =>
    setFeedback({ tone: "error", text: describeAuthError(error) });

  const autofill = usePasskeyAutofill({ rpId, onSignedIn: goNext, onError: showError });
  const password = useAuthForm(async (form) => {
    setFeedback(null);
    const { authClient } = await loadAuthClient();
    const { error } = await authClient.signIn.email({
      email: String(form.get("email")),
      password: String(form.get("password")),
    });
    return error;
  }, goNext);

  function onPasskeyFailed(error: AuthClientError) {
    autofill.resume();
    if (isCeremonyAborted(error)) return;
    setFeedback(
      describeCeremonyFailure(
        error,
        "No passkey was used. Try another way: try again, pick a passkey from your phone, or use your password.",
      ),
    );
  }

  return (
    <div className="flex flex-col gap-6">
      <PasskeySignInButton
        rpId={rpId}
        onStart={() => {
          autofill.suspend();
          setFeedback(null);
        }}
        onSignedIn={goNext}
        onFailed={onPasskeyFailed}
      />

      <div className="flex items-center gap-3 text-xs text-neutral-500 dark:text-neutral-400">
        <span className="h-px flex-1 bg-neutral-200 dark:bg-neutral-800" />
        or use your password
        <span className="h-px flex-1 bg-neutral-200 dark:bg-neutral-800" />
      </div>

      <Form onSubmit={password.onSubmit} className="flex flex-col gap-4" aria-label="Sign in with password">
        <TextField
          label="Email"
          name="email"
          type="email"
          required
          // "webauthn" lets the browser offer saved passkeys in this field's autofill.
          autoComplete="username webauthn"
          hint="Your passkeys appear as suggestions here."
        />
        <CurrentPasswordField />
        <Button type="submit" variant="secondary" pending={password.pending}>
          Sign in
        </Button>
      </Form>

      <LiveRegion>
        {feedback && <Notice tone={feedback.tone}>{feedback.text}</Notice>}
        {password.error && <Notice tone="error">{password.error}</Notice>}
      </LiveRegion>

      <p className="text-center text-sm text-neutral-600 dark:text-neutral-400">
        <TextLink href={routes.recoverWithCode}>Lost your passkey?</TextLink>
      </p>
      <p className="text-center text-sm text-neutral-600 dark:text-neutral-400">
        New to {site.name}? <TextLink href="/sign-up">Create an account</TextLink>
      </p>
    </div>
  );
}
