"use client";

import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { TextLink } from "@/components/ui/text-link";
import { authClient } from "@/lib/auth-client";
import { useAuthForm } from "./use-auth-form";

/** Creates the account with a password, then invites the user to add a passkey. */
export function SignUpForm() {
  const router = useRouter();
  const { onSubmit, pending, error } = useAuthForm(
    async (form) =>
      (
        await authClient.signUp.email({
          name: String(form.get("name")).trim(),
          email: String(form.get("email")).trim(),
          password: String(form.get("password")),
        })
      ).error,
    () => {
      router.replace("/settings/security/passkeys?welcome=1");
      router.refresh();
    },
  );

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4">
      <TextField label="Name" name="name" required maxLength={100} autoComplete="name" />
      <TextField label="Email" name="email" type="email" required autoComplete="email" />
      <TextField
        label="Password"
        name="password"
        type="password"
        required
        minLength={8}
        maxLength={128}
        autoComplete="new-password"
        hint="At least 8 characters. You can add a passkey next, and use it instead."
      />
      <div aria-live="polite" aria-atomic="true">
        {error && <Notice tone="error">{error}</Notice>}
      </div>
      <Button type="submit" pending={pending}>
        Create account
      </Button>
      <p className="text-center text-sm text-neutral-600 dark:text-neutral-400">
        Already have an account? <TextLink href="/sign-in">Sign in</TextLink>
      </p>
    </form>
  );
}
