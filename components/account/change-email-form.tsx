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

type Result = { tone: "error" | "info" | "success"; text: string } | null;

/**
 * Asks for a new address. The answer is the same whether or not it has an account, so the form says
 * what happens in both cases; the change waits for the link mailed to it, confirmed signed in.
 */
export function ChangeEmailForm() {
  const withStepUp = useStepUp();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<Result>(null);

  async function changeEmail(event: FormEvent<HTMLFormElement>) {
    const form = event.currentTarget;
    const newEmail = String(new FormData(form).get("newEmail")).trim();
    setPending(true);
    setResult(null);
    const error = await withStepUp(async () => (await authClient.emailChange.request({ newEmail })).error);
    setPending(false);
    if (error) return setResult(describeActionFailure(error));
    form.reset();
    setResult({
      tone: "success",
      text: `We sent a mail to ${newEmail}. Open its link and confirm, signed in to this account; until then, nothing changes. (If that address already has an account, it gets a note instead.)`,
    });
  }

  return (
    <Form onSubmit={changeEmail} className="flex flex-col gap-3" aria-label="Change your email">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <TextField
          label="New email"
          name="newEmail"
          type="email"
          required
          maxLength={320}
          autoComplete="email"
          className="flex-1"
        />
        <Button type="submit" variant="secondary" pending={pending}>
          Change email
        </Button>
      </div>
      <LiveRegion>{result && <Notice tone={result.tone}>{result.text}</Notice>}</LiveRegion>
    </Form>
  );
}
