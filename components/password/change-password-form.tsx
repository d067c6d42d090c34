"use client";

import { type FormEvent, useState } from "react";
import { useStepUp } from "@/components/step-up/step-up-provider";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { LiveRegion } from "@/components/ui/live-region";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { authClient } from "@/lib/auth-client";
import { describeActionFailure } from "@/lib/auth-messages";
import { NewPasswordField } from "./new-password-field";

type Result = { tone: "error" | "info" | "success"; text: string } | null;

/**
 * The current password and a new one, after a recent step-up. The current one is asked for even so:
 * whoever holds this session may not know it, and the server counts every guess at it.
 */
export function ChangePasswordForm() {
  const withStepUp = useStepUp();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<Result>(null);

  async function changePassword(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const fields = new FormData(form);
    setPending(true);
    setResult(null);
    const error = await withStepUp(
      async () =>
        (
          await authClient.changePassword({
            currentPassword: String(fields.get("currentPassword")),
            newPassword: String(fields.get("newPassword")),
          })
        ).error,
    );
    setPending(false);
    if (error) return setResult(describeActionFailure(error));
    form.reset();
    setResult({ tone: "success", text: "Your password is changed. Every other session was signed out." });
  }

  return (
    <Form
      onSubmit={changePassword}
      className="flex max-w-sm flex-col gap-3"
      aria-label="Change your password"
    >
      <TextField
        label="Current password"
        name="currentPassword"
        type="password"
        required
        autoComplete="current-password"
      />
      <NewPasswordField />
      <LiveRegion>{result && <Notice tone={result.tone}>{result.text}</Notice>}</LiveRegion>
      <Button type="submit" variant="secondary" className="self-start" pending={pending}>
        Change password
      </Button>
    </Form>
  );
}
