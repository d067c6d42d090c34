"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import { PASSKEY_POLICY_ERROR_CODES } from "@/lib/passkeys/error-codes";
import { type AccountSignInMethods, hasWayIn } from "@/lib/sign-in-methods/methods";

type Props = {
  /** The passkey's display name; null when no removal is being confirmed. */
  name: string | null;
  /** The ways in the account would have left without this passkey. */
  left: AccountSignInMethods;
  hasRecoveryCodes: boolean;
  onConfirm: () => Promise<string | null>;
  onClose: () => void;
};

/** Confirms a removal by name, and says plainly what the account is left with. */
export function RemovePasskeyDialog({ name, left, hasRecoveryCodes, onConfirm, onClose }: Props) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isLastPasskey = left.passkeys === 0;
  // The server refuses it too (lib/passkeys/management.ts), by the same rule.
  const blocked = !hasWayIn(left);

  async function confirm() {
    setPending(true);
    const failure = await onConfirm();
    setPending(false);
    setError(failure);
  }

  return (
    <Dialog
      open={name !== null}
      onClose={() => {
        setError(null);
        onClose();
      }}
      title={blocked ? `You can't remove “${name}”` : `Remove “${name}”?`}
    >
      <div className="flex flex-col gap-4 text-sm">
        {blocked ? (
          <p>{PASSKEY_POLICY_ERROR_CODES.LAST_SIGN_IN_METHOD.message}</p>
        ) : (
          <p>
            You won't be able to sign in with it any more. Your password manager may keep offering it until
            you delete it there too.
          </p>
        )}
        {isLastPasskey && !blocked && !hasRecoveryCodes && (
          <Notice tone="error">
            <strong className="font-semibold">
              This is your last passkey, and you have no recovery codes.
            </strong>{" "}
            After removing it you can only sign in with your password; forget it and there is no way back in.
          </Notice>
        )}
        <div aria-live="polite">{error && <Notice tone="error">{error}</Notice>}</div>
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} autoFocus>
            {blocked ? "OK" : "Cancel"}
          </Button>
          {!blocked && (
            <Button variant="danger" onClick={confirm} pending={pending}>
              Remove passkey
            </Button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
