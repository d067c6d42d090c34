"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useState } from "react";
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

/**
 * The email field first, where the browser offers saved passkeys (autofill); the password beside it;
 * the explicit passkey button below, each with its messages next to it. `next` is already safe.
 */
export function SignInForm({
  next,
  rpId,
  lostPasskeyLink,
}: {
  next: string;
  rpId: string;
  /** The way back in for a lost passkey, when a feature offers one (components/slots/feature-ui.ts). */
  lostPasskeyLink?: ReactNode;
}) {
  const router = useRouter();
  /** What the passkey button's ceremony ended with, shown by the button. */
  const [passkeyFeedback, setPasskeyFeedback] = useState<Feedback | null>(null);
  /** What autofill's ceremony ended with, shown by the email field it runs in. */
  const [autofillError, setAutofillError] = useState<string | null>(null);

  const goNext = () => {
    router.replace(next);
    router.refresh();
  };

  const autofill = usePasskeyAutofill({
    rpId,
    onSignedIn: goNext,
    onError: (error: AuthClientError) => setAutofillError(describeAuthError(error)),
  });
  const password = useAuthForm(async (form) => {
    setAutofillError(null);
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
    setPasskeyFeedback(
      describeCeremonyFailure(
        error,
        "No passkey was used. Try another way: try again, pick a passkey from your phone, or use your password.",
      ),
    );
  }

  return (
    <div className="flex flex-col gap-6">
      {/* The email field first: it is where the browser offers saved passkeys (autofill). */}
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
        {/* By the password it is about: an account with passkeys only has none to forget. */}
        <p className="-mt-2 text-sm">
          <TextLink href={routes.forgotPassword}>Forgot your password?</TextLink>
        </p>
        <Button type="submit" variant="secondary" pending={password.pending}>
          Sign in
        </Button>
        <LiveRegion reserveLine>
          {autofillError && <Notice tone="error">{autofillError}</Notice>}
          {password.error && <Notice tone="error">{password.error}</Notice>}
        </LiveRegion>
      </Form>

      <div className="flex items-center gap-3 text-xs text-neutral-500 dark:text-neutral-400">
        <span className="h-px flex-1 bg-neutral-200 dark:bg-neutral-800" />
        or
        <span className="h-px flex-1 bg-neutral-200 dark:bg-neutral-800" />
      </div>

      <div className="flex flex-col gap-3">
        <PasskeySignInButton
          rpId={rpId}
          onStart={() => {
            autofill.suspend();
            setPasskeyFeedback(null);
          }}
          onSignedIn={goNext}
          onFailed={onPasskeyFailed}
        />
        <LiveRegion reserveLine>
          {passkeyFeedback && <Notice tone={passkeyFeedback.tone}>{passkeyFeedback.text}</Notice>}
        </LiveRegion>
      </div>

      {lostPasskeyLink && (
        <p className="text-center text-sm text-neutral-600 dark:text-neutral-400">{lostPasskeyLink}</p>
      )}
      <p className="text-center text-sm text-neutral-600 dark:text-neutral-400">
        New to {site.name}? <TextLink href="/sign-up">Create an account</TextLink>
      </p>
    </div>
  );
}
