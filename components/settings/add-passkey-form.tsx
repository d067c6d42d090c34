"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { type AuthClientError, describeAuthError, isCeremonyCancelled } from "@/lib/auth/messages";
import { authClient } from "@/lib/auth-client";

type Result = { tone: "success" | "error" | "info"; text: string; reauthenticate?: boolean } | null;

/** Names a new passkey, then runs the browser's create ceremony. */
export function AddPasskeyForm() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<Result>(null);

  async function addPasskey(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const name = String(new FormData(formElement).get("name")).trim();
    setPending(true);
    setResult(null);
    const { error } = await authClient.passkey.addPasskey({ name });
    setPending(false);
    showResult(error, name, formElement);
  }

  function showResult(error: AuthClientError | null, name: string, formElement: HTMLFormElement) {
    if (!error) {
      formElement.reset();
      setResult({ tone: "success", text: `Passkey “${name}” added. Next time, sign in with it.` });
      router.refresh();
    } else if (error.code === "SESSION_NOT_FRESH") {
      setResult({ tone: "info", text: describeAuthError(error), reauthenticate: true });
    } else if (isCeremonyCancelled(error) && error.code !== "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") {
      setResult({ tone: "info", text: "No passkey was created. You can try again whenever you're ready." });
    } else {
      setResult({ tone: "error", text: describeAuthError(error) });
    }
  }

  async function signInAgain() {
    await authClient.signOut();
    router.replace("/sign-in?next=/settings/security/passkeys");
  }

  return (
    <form onSubmit={addPasskey} className="flex flex-col gap-3" aria-label="Add a passkey">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <TextField
          label="Passkey name"
          name="name"
          required
          maxLength={64}
          placeholder="e.g. iPhone, Work laptop"
          autoComplete="off"
          className="flex-1"
        />
        <Button type="submit" pending={pending}>
          Add a passkey
        </Button>
      </div>
      <div aria-live="polite" aria-atomic="true">
        {result && (
          <Notice tone={result.tone}>
            {result.text}{" "}
            {result.reauthenticate && (
              <button
                type="button"
                onClick={signInAgain}
                className="font-medium underline underline-offset-4"
              >
                Sign in again
              </button>
            )}
          </Notice>
        )}
      </div>
    </form>
  );
}
