"use client";

import { Button } from "@/components/ui/button";
import { NEW_PASSKEY_NAME_FIELD } from "./add-passkey-form";
import { PasskeyRow } from "./passkey-row";
import type { PasskeyView } from "./passkey-view";

type Props = {
  passkeys: PasskeyView[];
  currentPasskeyId: string | null;
  /** The passkey just added, marked as new. */
  newPasskeyId: string | null;
  now: Date;
  onRename: (passkey: PasskeyView, name: string) => Promise<string | null>;
  onRemove: (passkey: PasskeyView) => void;
};

/** The user's passkeys, newest first. */
export function PasskeyList({ passkeys, currentPasskeyId, newPasskeyId, now, onRename, onRemove }: Props) {
  if (passkeys.length === 0) {
    return (
      <div className="flex flex-col items-start gap-3 rounded-lg border border-dashed border-neutral-300 p-4 dark:border-neutral-700">
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          No passkeys yet. With one there is nothing to remember, and nothing a fake site can steal.
        </p>
        <Button variant="secondary" onClick={() => document.getElementById(NEW_PASSKEY_NAME_FIELD)?.focus()}>
          Add a passkey
        </Button>
      </div>
    );
  }
  const newestFirst = [...passkeys].sort((a, b) => +new Date(b.createdAt) - +new Date(a.createdAt));
  return (
    <ul
      aria-label="Your passkeys"
      className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 dark:divide-neutral-800 dark:border-neutral-800"
    >
      {newestFirst.map((passkey) => (
        <PasskeyRow
          key={passkey.id}
          passkey={passkey}
          isCurrent={passkey.id === currentPasskeyId}
          isNew={passkey.id === newPasskeyId}
          now={now}
          onRename={onRename}
          onRemove={onRemove}
        />
      ))}
    </ul>
  );
}
