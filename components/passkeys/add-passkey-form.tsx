"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { LiveRegion } from "@/components/ui/live-region";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { type AuthClientError, describeCeremonyFailure, type Feedback } from "@/lib/auth-messages";
import { guessDeviceName } from "@/lib/passkeys/device-name";
import { checkPasskeyName, PASSKEY_NAME_MAX_LENGTH } from "@/lib/passkeys/passkey-name";

export const NEW_PASSKEY_NAME_FIELD = "new-passkey-name";

const NO_PASSKEY_CREATED = "No passkey was created. You can try again whenever you're ready.";

/** Names a new passkey (prefilled with a guess at this device), then runs the browser's create ceremony. */
type Props = {
  onAdd: (name: string) => Promise<AuthClientError | null>;
  /** Focus the name field on arrival, for a visitor who came here to add a passkey. */
  autoFocus?: boolean;
};

export function AddPasskeyForm({ onAdd, autoFocus = false }: Props) {
  const [name, setName] = useState("");
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<Feedback | null>(null);

  // After hydration: the server cannot know which device this is.
  useEffect(() => setName((current) => current || guessDeviceName(navigator.userAgent)), []);

  useEffect(() => {
    if (!autoFocus) return;
    const field = document.getElementById(NEW_PASSKEY_NAME_FIELD);
    field?.focus();
    field?.scrollIntoView({ block: "center" });
  }, [autoFocus]);

  async function addPasskey() {
    const check = checkPasskeyName(name);
    if (!check.ok) return setResult({ tone: "error", text: check.message });
    setPending(true);
    setResult(null);
    const error = await onAdd(check.name);
    setPending(false);
    setResult(error && describeCeremonyFailure(error, NO_PASSKEY_CREATED));
    // This device's name is taken now; the next passkey is likely another device's.
    if (!error) setName("");
  }

  return (
    <Form onSubmit={addPasskey} className="flex flex-col gap-3" aria-label="Add a passkey">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <TextField
          id={NEW_PASSKEY_NAME_FIELD}
          label="Passkey name"
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
          maxLength={PASSKEY_NAME_MAX_LENGTH}
          placeholder="e.g. iPhone, Work laptop"
          autoComplete="off"
          hint="A name to recognise it by. Only you see it."
          className="flex-1"
        />
        <Button type="submit" pending={pending} className="sm:mb-6">
          Add a passkey
        </Button>
      </div>
      <LiveRegion>{result && <Notice tone={result.tone}>{result.text}</Notice>}</LiveRegion>
    </Form>
  );
}
