"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { describeAuthError, isCeremonyCancelled } from "@/lib/auth/messages";
import { authClient } from "@/lib/auth-client";

type Props = {
  open: boolean;
  email: string;
  hasPassword: boolean;
  /** Offered only to accounts that have one: with no passkey of its own, any account's passkey would do. */
  hasPasskey: boolean;
  /** The user proved it is them: a new, fresh session is in place. */
  onConfirmed: () => void;
  onClose: () => void;
};

/**
 * Better Auth lets only a recently signed-in session make sensitive changes (SESSION_NOT_FRESH).
 * Signing in again, here and without leaving the page, makes the session fresh.
 */
export function ReauthenticateDialog({ open, email, hasPassword, hasPasskey, onConfirmed, onClose }: Props) {
  const [pending, setPending] = useState<"passkey" | "password" | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function withPasskey() {
    setPending("passkey");
    setError(null);
    // Signed in, the options list only this account's passkeys, so no other account can step in.
    const { data, error } = await authClient.signIn.passkey();
    setPending(null);
    if (data) return onConfirmed();
    setError(
      error && isCeremonyCancelled(error)
        ? `No passkey was used. Try again${hasPassword ? " or use your password" : ""}.`
        : describeAuthError(error ?? {}),
    );
  }

  async function withPassword(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending("password");
    setError(null);
    const password = String(new FormData(event.currentTarget).get("password"));
    const { error } = await authClient.signIn.email({ email, password });
    setPending(null);
    if (!error) return onConfirmed();
    setError(describeAuthError(error));
  }

  return (
    <Dialog open={open} onClose={onClose} title="Confirm it's you">
      <div className="flex flex-col gap-4 text-sm">
        <p>For your security, confirm it's you before changing how you sign in.</p>
        {hasPasskey && (
          <Button onClick={withPasskey} pending={pending === "passkey"} disabled={pending !== null} autoFocus>
            Confirm with a passkey
          </Button>
        )}
        {hasPassword && (
          <form
            onSubmit={withPassword}
            className="flex flex-col gap-3"
            aria-label="Confirm with your password"
          >
            <TextField
              label="Password"
              name="password"
              type="password"
              required
              autoComplete="current-password"
            />
            <Button
              type="submit"
              variant="secondary"
              pending={pending === "password"}
              disabled={pending !== null}
            >
              Confirm with password
            </Button>
          </form>
        )}
        <div aria-live="polite">{error && <Notice tone="error">{error}</Notice>}</div>
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </Dialog>
  );
}
