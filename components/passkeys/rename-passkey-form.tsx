"use client";

import { useEffect, useId, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { checkPasskeyName, PASSKEY_NAME_MAX_LENGTH } from "@/lib/passkeys/passkey-name";

type Props = {
  currentName: string;
  onSave: (name: string) => Promise<string | null>;
  onCancel: () => void;
};

/** Inline rename: Enter saves, Escape cancels. `onSave` answers an error message, or null when saved. */
export function RenamePasskeyForm({ currentName, onSave, onCancel }: Props) {
  const [value, setValue] = useState(currentName);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const errorId = useId();

  useEffect(() => input.current?.select(), []);

  async function save() {
    const check = checkPasskeyName(value);
    if (!check.ok) return setError(check.message);
    setPending(true);
    const failure = await onSave(check.name);
    setPending(false);
    setError(failure);
  }

  return (
    <Form onSubmit={save} className="flex flex-col gap-2" aria-label={`Rename ${currentName}`}>
      <div className="flex flex-wrap items-center gap-2">
        <input
          ref={input}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              onCancel();
            }
          }}
          aria-label="Passkey name"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          maxLength={PASSKEY_NAME_MAX_LENGTH * 2}
          className="h-10 min-w-0 flex-1 rounded-lg border border-neutral-300 bg-white px-3 text-base outline-none focus-visible:border-blue-600 focus-visible:ring-2 focus-visible:ring-blue-600/30 aria-invalid:border-red-600 dark:border-neutral-700 dark:bg-neutral-900"
        />
        <Button type="submit" pending={pending} className="h-10">
          Save
        </Button>
        <Button variant="ghost" onClick={onCancel} className="h-10">
          Cancel
        </Button>
      </div>
      {error && (
        <p id={errorId} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </Form>
  );
}
