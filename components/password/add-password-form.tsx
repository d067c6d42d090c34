"use client";

import { type FormEvent, useState } from "react";
import { useStepUp } from "@/components/step-up/step-up-provider";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { LiveRegion } from "@/components/ui/live-region";
import { Notice } from "@/components/ui/notice";
import { authClient } from "@/lib/auth-client";
import { describeActionFailure, type Feedback } from "@/lib/auth-messages";
import { NewPasswordField } from "./new-password-field";

/** Gives a passkey-only account a password again, after a recent step-up. */
export function AddPasswordForm({ onAdded }: { onAdded: () => void }) {
  const withStepUp = useStepUp();
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Feedback | null>(null);

  async function addPassword(event: FormEvent<HTMLFormElement>) {
    const newPassword = String(new FormData(event.currentTarget).get("newPassword"));
    setPending(true);
    setFailure(null);
    const error = await withStepUp(async () => (await authClient.password.add({ newPassword })).error);
    setPending(false);
    if (error) return setFailure(describeActionFailure(error));
    onAdded();
  }

  return (
    <Form onSubmit={addPassword} className="flex max-w-sm flex-col gap-3" aria-label="Add a password">
      <NewPasswordField label="Password" />
      <LiveRegion>{failure && <Notice tone={failure.tone}>{failure.text}</Notice>}</LiveRegion>
      <Button type="submit" variant="secondary" className="self-start" pending={pending}>
        Add password
      </Button>
    </Form>
  );
}
