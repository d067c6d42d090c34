"use client";

import { type FormEvent, useState } from "react";
import { type AuthClientError, describeAuthError } from "@/lib/auth-messages";

/**
 * The submit cycle every auth form shares: busy while the request runs (and while the next page
 * loads), a readable error when it fails.
 */
export function useAuthForm(
  submit: (form: FormData) => Promise<AuthClientError | null>,
  onSuccess: () => void,
) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    setPending(true);
    setError(null);
    const failure = await submit(new FormData(event.currentTarget));
    if (!failure) return onSuccess();
    setPending(false);
    setError(describeAuthError(failure));
  }

  return { onSubmit, pending, error };
}
