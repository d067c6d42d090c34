"use client";

import { useRouter } from "next/navigation";
import { useAuthForm } from "@/components/auth/use-auth-form";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { LiveRegion } from "@/components/ui/live-region";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { TextLink } from "@/components/ui/text-link";
import { routes } from "@/config/site";
import { authClient } from "@/lib/auth-client";

/** Signs in with one recovery code, then sends the user to add a new passkey. */
export function RecoverForm() {
  const router = useRouter();
  const { onSubmit, pending, error } = useAuthForm(
    async (form) =>
      (
        await authClient.signIn.recoveryCode({
          email: String(form.get("email")),
          code: String(form.get("code")),
        })
      ).error,
    () => {
      router.replace(`${routes.passkeys}?recovered=1`);
      router.refresh();
    },
  );

  return (
    <Form onSubmit={onSubmit} className="flex flex-col gap-4" aria-label="Sign in with a recovery code">
      <TextField label="Email" name="email" type="email" required autoComplete="username" />
      <TextField
        label="Recovery code"
        name="code"
        required
        autoComplete="one-time-code"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={100}
        placeholder="xxxxx-xxxxx-xxxxx"
        hint="One of the codes you saved. Each works once."
        className="font-mono"
      />
      <LiveRegion>{error && <Notice tone="error">{error}</Notice>}</LiveRegion>
      <Button type="submit" pending={pending}>
        Sign in
      </Button>
      <p className="text-center text-sm text-neutral-600 dark:text-neutral-400">
        Found your passkey? <TextLink href="/sign-in">Sign in with it</TextLink>
      </p>
    </Form>
  );
}
