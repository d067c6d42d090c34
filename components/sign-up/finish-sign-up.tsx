"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { LiveRegion } from "@/components/ui/live-region";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { TextLink } from "@/components/ui/text-link";
import { authClient } from "@/lib/auth-client";
import {
  type AuthClientError,
  type Feedback as CeremonyFeedback,
  describeAuthError,
  describeCeremonyFailure,
} from "@/lib/auth-messages";
import { isDeadLink, useSignUpLink } from "./use-sign-up-link";

type Feedback = (CeremonyFeedback & { restart?: boolean }) | null;

/** Where a new account goes first, by the credential it was created with. */
export type AfterSignUp = { passkey: string; password: string };

/**
 * The page the mailed link opens, and the one place where an account's first credential is chosen,
 * by whoever holds the link: one tap creates a passkey, or, as the alternative, a password. Either
 * creates the account and signs in. A link that can no longer do that says so as it opens.
 */
export function FinishSignUp({ after }: { after: AfterSignUp }) {
  const link = useSignUpLink();

  if (link.state === "incomplete") {
    return (
      <Notice tone="error">
        This link is incomplete. Open the link from the mail again, or{" "}
        <TextLink href="/sign-up" tone="inherit">
          start again
        </TextLink>
        .
      </Notice>
    );
  }
  // Keyed by the token: a link pasted over another starts afresh, with the passkey offered first.
  const token = link.state === "reading" ? undefined : link.token;
  return (
    <>
      {/* On the page from the start, so that a link found dead, at once or when pasted, is announced. */}
      <LiveRegion>
        {link.state === "dead" && (
          <FailureNotice feedback={{ tone: "error", text: describeAuthError(link.error), restart: true }} />
        )}
      </LiveRegion>
      {link.state !== "dead" && (
        <ChooseCredential
          key={token}
          token={link.state === "usable" ? link.token : undefined}
          after={after}
        />
      )}
    </>
  );
}

/** Until the link is known to be usable, `token` is undefined and nothing can be sent. */
function ChooseCredential({ token, after }: { token: string | undefined; after: AfterSignUp }) {
  const [method, setMethod] = useState<"passkey" | "password">("passkey");
  return method === "passkey" ? (
    <FinishWithPasskey token={token} then={after.passkey} onUsePassword={() => setMethod("password")} />
  ) : (
    <FinishWithPassword token={token} then={after.password} onUsePasskey={() => setMethod("passkey")} />
  );
}

/** One tap: the browser creates the passkey, and the server creates the account with it. */
function FinishWithPasskey({
  token,
  then,
  onUsePassword,
}: {
  token: string | undefined;
  then: string;
  onUsePassword: () => void;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);

  async function createPasskey() {
    if (!token) return;
    setPending(true);
    setFeedback(null);
    const { error } = await authClient.passkey.addPasskey({ context: token, createSession: true });
    if (!error) {
      router.replace(then);
      router.refresh();
      return;
    }
    setPending(false);
    setFeedback(describeFailure(error));
  }

  return (
    <div className="flex flex-col gap-4">
      <Button onClick={createPasskey} pending={pending} disabled={!token}>
        Create my passkey
      </Button>
      <LiveRegion>{feedback && <FailureNotice feedback={feedback} />}</LiveRegion>
      <Button variant="ghost" onClick={onUsePassword} disabled={pending}>
        Use a password instead
      </Button>
    </div>
  );
}

/** The password the account signs in with, chosen here, by the holder of the link, and nowhere else. */
function FinishWithPassword({
  token,
  then,
  onUsePasskey,
}: {
  token: string | undefined;
  then: string;
  onUsePasskey: () => void;
}) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [feedback, setFeedback] = useState<Feedback>(null);

  async function createAccount(form: FormData) {
    if (!token) return;
    setPending(true);
    setFeedback(null);
    const { error } = await authClient.signUp.password({ token, password: String(form.get("password")) });
    if (!error) {
      router.replace(then);
      router.refresh();
      return;
    }
    setPending(false);
    setFeedback({ tone: "error", text: describeAuthError(error), restart: isDeadLink(error) });
  }

  return (
    <Form
      onSubmit={(event) => createAccount(new FormData(event.currentTarget))}
      className="flex flex-col gap-4"
      aria-label="Choose a password"
    >
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
      <LiveRegion>{feedback && <FailureNotice feedback={feedback} />}</LiveRegion>
      <Button type="submit" pending={pending} disabled={!token}>
        Create account
      </Button>
      <Button variant="ghost" onClick={onUsePasskey} disabled={pending}>
        Use a passkey instead
      </Button>
    </Form>
  );
}

function FailureNotice({ feedback }: { feedback: NonNullable<Feedback> }) {
  return (
    <Notice tone={feedback.tone}>
      {feedback.text}
      {feedback.restart && (
        <>
          {" "}
          <TextLink href="/sign-up" tone="inherit">
            Start again
          </TextLink>{" "}
          or{" "}
          <TextLink href="/sign-in" tone="inherit">
            sign in
          </TextLink>
          .
        </>
      )}
    </Notice>
  );
}

function describeFailure(error: AuthClientError): Feedback {
  return {
    ...describeCeremonyFailure(
      error,
      "No passkey was created, and no account. Try again whenever you're ready.",
    ),
    restart: isDeadLink(error),
  };
}
