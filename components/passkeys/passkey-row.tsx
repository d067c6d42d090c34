"use client";

import { useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { formatRelativeTime } from "@/lib/format/relative-time";
import {
  authenticatorIconUrls,
  defaultPasskeyName,
  describeAuthenticator,
} from "@/lib/passkeys/authenticators";
import { AuthenticatorIcon, ProviderIcon } from "./authenticator-icon";
import type { PasskeyView } from "./passkey-view";
import { RenamePasskeyForm } from "./rename-passkey-form";

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

type Props = {
  passkey: PasskeyView;
  isCurrent: boolean;
  /** Just added: marked until the list next changes. */
  isNew: boolean;
  now: Date;
  onRename: (passkey: PasskeyView, name: string) => Promise<string | null>;
  onRemove: (passkey: PasskeyView) => void;
};

export function PasskeyRow({ passkey, isCurrent, isNew, now, onRename, onRemove }: Props) {
  const [renaming, setRenaming] = useState(false);
  const renameButton = useRef<HTMLButtonElement>(null);
  const authenticator = describeAuthenticator(passkey);
  const providerIcon = authenticatorIconUrls(passkey);
  const name = passkey.name || defaultPasskeyName(passkey);

  const returnFocus = useRef(false);

  // Once the rename form has gone and the button is back, focus returns to where the user started.
  useEffect(() => {
    if (renaming || !returnFocus.current) return;
    returnFocus.current = false;
    renameButton.current?.focus();
  }, [renaming]);

  const closeRename = () => {
    returnFocus.current = true;
    setRenaming(false);
  };

  return (
    <li
      className={`grid grid-cols-[auto_1fr] gap-x-3 gap-y-2 px-4 py-4 sm:grid-cols-[auto_1fr_auto] sm:gap-x-4 ${
        isNew ? "rounded-lg ring-2 ring-emerald-600 ring-inset dark:ring-emerald-500" : ""
      }`}
      data-passkey-id={passkey.id}
      aria-label={name}
    >
      <span className="mt-0.5 flex size-10 shrink-0 items-center justify-center rounded-full bg-neutral-100 text-neutral-700 dark:bg-neutral-800 dark:text-neutral-300">
        {providerIcon ? (
          <ProviderIcon urls={providerIcon} className="size-6" />
        ) : (
          <AuthenticatorIcon kind={authenticator.kind} className="size-5" />
        )}
      </span>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        {renaming ? (
          <RenamePasskeyForm
            currentName={name}
            onCancel={closeRename}
            onSave={async (newName) => {
              const failure = await onRename(passkey, newName);
              if (!failure) closeRename();
              return failure;
            }}
          />
        ) : (
          // Focused when just added, so it reads with its badges; the outline shows where focus went.
          <p
            id={`passkey-${passkey.id}`}
            tabIndex={-1}
            className="flex flex-wrap items-center gap-2 self-start rounded-sm focus:outline-2 focus:outline-offset-2 focus:outline-blue-600"
          >
            <span className="font-medium break-words">{name}</span>
            {isNew && <Badge tone="success">New</Badge>}
            {isCurrent && <Badge>Used for this sign-in</Badge>}
          </p>
        )}
        <p className="text-sm text-neutral-600 dark:text-neutral-400">
          {authenticator.name} · {passkey.backedUp ? "Synced across your devices" : "Only on this device"}
        </p>
        {passkey.attestationTrusted && (
          // The maker's attestation chained to a trust anchor of this site (the admin feature's attestation check).
          <p className="text-sm font-medium text-green-800 dark:text-green-300">
            Verified: {passkey.attestedModel ?? "a security key from a trusted maker"}
          </p>
        )}
        <p className="text-sm text-neutral-500 dark:text-neutral-400">
          Created{" "}
          <time dateTime={new Date(passkey.createdAt).toISOString()}>
            {dateFormat.format(new Date(passkey.createdAt))}
          </time>{" "}
          ·{" "}
          {passkey.lastUsedAt ? (
            <time dateTime={new Date(passkey.lastUsedAt).toISOString()}>
              Last used {formatRelativeTime(passkey.lastUsedAt, now)}
            </time>
          ) : (
            "Never used"
          )}
        </p>
      </div>
      {!renaming && (
        <div className="col-start-2 -ml-4 flex gap-1 sm:col-start-3 sm:row-start-1 sm:ml-0 sm:items-start">
          <Button
            ref={renameButton}
            variant="ghost"
            onClick={() => setRenaming(true)}
            aria-label={`Rename ${name}`}
          >
            Rename
          </Button>
          <Button variant="ghost" onClick={() => onRemove(passkey)} aria-label={`Remove ${name}`}>
            Remove
          </Button>
        </div>
      )}
    </li>
  );
}
