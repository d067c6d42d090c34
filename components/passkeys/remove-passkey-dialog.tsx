"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog } from "@/components/ui/dialog";
import { Notice } from "@/components/ui/notice";
import type { Feedback } from "@/lib/auth-messages";
import { PASSKEY_POLICY_ERROR_CODES } from "@/lib/passkeys/error-codes";
import { type AccountSignInMethods, hasWayIn } from "@/lib/sign-in-methods/methods";
import { LastPasskeyNotice } from "./last-passkey-notice";

type Props = {
  /** The passkey's display name; null when no removal is being confirmed. */
  name: string | null;
  /** The ways in the account would have left without this passkey. */
  left: AccountSignInMethods;
  hasRecoveryCodes: boolean;
  /** What happens to the sessions the passkey signed in (lib/passkeys/management.ts). */
  itsSessions: {
    /** This session is one of them: it stays signed in whatever the choice. */
    includeThisOne: boolean;
    /** This session was signed in with a recovery code: the passkey is taken to be lost, and they end. */
    endWhateverTheChoice: boolean;
  };
  /** Answers why nothing was removed, or null once it was. */
  onConfirm: (signOutItsSessions: boolean) => Promise<Feedback | null>;
  onClose: () => void;
};

/**
 * Confirms a removal by name, says plainly what the account is left with, and offers to sign out
 * whoever the passkey signed in: ticked to begin with, since a passkey is most often removed
 * because it is lost or no longer trusted.
 */
export function RemovePasskeyDialog({
  name,
  left,
  hasRecoveryCodes,
  itsSessions,
  onConfirm,
  onClose,
}: Props) {
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<Feedback | null>(null);
  const [signOutItsSessions, setSignOutItsSessions] = useState(true);
  const isLastPasskey = left.passkeys === 0;
  // The server refuses it too (lib/passkeys/management.ts), by the same rule.
  const blocked = !hasWayIn(left);

  async function confirm() {
    setPending(true);
    const outcome = await onConfirm(signOutItsSessions);
    setPending(false);
    setFailure(outcome);
  }

  return (
    <Dialog
      open={name !== null}
      onClose={() => {
        // Each removal starts from the same question, with the same answer ticked.
        setFailure(null);
        setSignOutItsSessions(true);
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
        {!blocked &&
          (itsSessions.endWhateverTheChoice ? (
            <p>
              You signed in with a recovery code, so this passkey may be in someone else's hands: every
              session it signed in will be signed out too.
            </p>
          ) : (
            <Checkbox
              label="Also sign out the sessions this passkey signed in"
              checked={signOutItsSessions}
              onChange={setSignOutItsSessions}
              hint={
                itsSessions.includeThisOne
                  ? "This session was signed in with it too, and stays signed in."
                  : undefined
              }
            />
          ))}
        {isLastPasskey && <LastPasskeyNotice blocked={blocked} hasRecoveryCodes={hasRecoveryCodes} />}
        <div aria-live="polite">{failure && <Notice tone={failure.tone}>{failure.text}</Notice>}</div>
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
