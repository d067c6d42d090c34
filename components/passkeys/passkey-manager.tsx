"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useStepUp } from "@/components/step-up/step-up-provider";
import { LiveRegion } from "@/components/ui/live-region";
import { Notice } from "@/components/ui/notice";
import { authClient } from "@/lib/auth-client";
import {
  type AuthClientError,
  describeActionFailure,
  describeAuthError,
  type Feedback,
} from "@/lib/auth-messages";
import { defaultPasskeyName } from "@/lib/passkeys/authenticators";
import { type PasskeyAccount, signalAccountPasskeys } from "@/lib/passkeys/signals";
import { plural } from "@/lib/security-activity/describe";
import { AddPasskeyForm } from "./add-passkey-form";
import { PasskeyList } from "./passkey-list";
import type { PasskeyView } from "./passkey-view";
import { RemovePasskeyDialog } from "./remove-passkey-dialog";

type Props = {
  initialPasskeys: PasskeyView[];
  currentPasskeyId: string | null;
  /** This session was signed in with a recovery code: a passkey removed now is taken to be lost. */
  signedInWithRecoveryCode: boolean;
  account: PasskeyAccount & { email: string; hasPassword: boolean };
  now: string;
  /** Just signed up: invite the user to add a first passkey. */
  welcome: boolean;
  /** Opened from an "Add a passkey" link elsewhere: the add form takes focus. */
  startAdding: boolean;
  /**
   * The account's way back in, should it lose its passkeys (lib/sign-in-methods/way-back-in.ts):
   * whether it holds one, and where to set one up when it has none and has not declined it.
   */
  wayBackIn: { held: boolean; setUpHref: string | null };
};

/** The passkeys page's state: the list, and every change to it, announced and focused. */
export function PasskeyManager({
  initialPasskeys,
  currentPasskeyId,
  signedInWithRecoveryCode,
  account,
  now,
  welcome,
  startAdding,
  wayBackIn,
}: Props) {
  const router = useRouter();
  const [passkeys, setPasskeys] = useState(initialPasskeys);
  // The last change, said on screen (and to screen readers) until the next one.
  const [done, setDone] = useState("");
  const [newPasskeyId, setNewPasskeyId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<PasskeyView | null>(null);
  const withStepUp = useStepUp();
  // Where focus goes after the list changes: set with the change, moved once React has rendered it.
  const [focusTarget, setFocusTarget] = useState<string | null>(null);

  useEffect(() => {
    if (!focusTarget) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  async function refresh(): Promise<PasskeyView[]> {
    const { data } = await authClient.passkey.listUserPasskeys();
    const fresh = (data ?? []) as PasskeyView[];
    setPasskeys(fresh);
    return fresh;
  }

  async function addPasskey(name: string): Promise<AuthClientError | null> {
    const error = await withStepUp(async () => (await authClient.passkey.addPasskey({ name })).error);
    if (error) return error;
    // A first passkey is a credential the user can lose: set up the way back in straight away.
    if (passkeys.length === 0 && wayBackIn.setUpHref) {
      router.push(wayBackIn.setUpHref);
      return null;
    }
    const fresh = await refresh();
    const added = fresh.find((passkey) => !passkeys.some((known) => known.id === passkey.id));
    setDone(`Passkey “${name}” added.`);
    setNewPasskeyId(added?.id ?? null);
    if (added) setFocusTarget(`passkey-${added.id}`);
    return null;
  }

  async function renamePasskey(passkey: PasskeyView, name: string): Promise<string | null> {
    const { error } = await authClient.passkey.updatePasskey({ id: passkey.id, name });
    if (error) return describeAuthError(error);
    const fresh = await refresh();
    signalAccountPasskeys(
      account,
      fresh.map((row) => row.credentialID),
    );
    setDone(`Renamed to “${name}”.`);
    setNewPasskeyId(null);
    return null;
  }

  async function removePasskey(signOutItsSessions: boolean): Promise<Feedback | null> {
    if (!removing) return null;
    const name = removing.name || defaultPasskeyName(removing);
    let signedOut = 0;
    const error = await withStepUp(async () => {
      // The choice rides in the query: the plugin's typed client sends only `{ id }` as the body.
      const { data, error } = await authClient.passkey.deletePasskey(
        { id: removing.id },
        { query: { signOutItsSessions: String(signOutItsSessions) } },
      );
      // lib/passkeys/management.ts answers for the plugin, with how many sessions it ended.
      signedOut = (data as { signedOut?: number } | null)?.signedOut ?? 0;
      return error;
    });
    if (error) return describeActionFailure(error);
    setRemoving(null);
    const fresh = await refresh();
    signalAccountPasskeys(
      account,
      fresh.map((row) => row.credentialID),
    );
    setNewPasskeyId(null);
    setDone(
      signedOut > 0
        ? `Passkey “${name}” removed. Signed out ${plural(signedOut, "session", "sessions")} it had signed in.`
        : `Passkey “${name}” removed.`,
    );
    setFocusTarget("your-passkeys");
    return null;
  }

  return (
    <div className="flex flex-col gap-8">
      {welcome && passkeys.length === 0 && (
        <Notice tone="success">
          Your account is ready. Add a passkey now, and next time you can sign in with a single tap.
        </Notice>
      )}
      <section aria-labelledby="your-passkeys" className="flex flex-col gap-3">
        <h2
          id="your-passkeys"
          tabIndex={-1}
          className="self-start rounded-sm text-lg font-medium focus:outline-2 focus:outline-offset-2 focus:outline-blue-600"
        >
          Your passkeys{passkeys.length > 0 && ` (${passkeys.length})`}
        </h2>
        <LiveRegion>{done && <Notice tone="success">{done}</Notice>}</LiveRegion>
        <PasskeyList
          passkeys={passkeys}
          currentPasskeyId={currentPasskeyId}
          newPasskeyId={newPasskeyId}
          now={new Date(now)}
          onRename={renamePasskey}
          onRemove={setRemoving}
        />
      </section>
      <section aria-labelledby="add-passkey" className="flex flex-col gap-3">
        <h2 id="add-passkey" className="text-lg font-medium">
          Add a passkey
        </h2>
        <AddPasskeyForm onAdd={addPasskey} autoFocus={startAdding} />
      </section>
      <RemovePasskeyDialog
        name={removing && (removing.name || defaultPasskeyName(removing))}
        left={{ passkeys: passkeys.length - 1, hasPassword: account.hasPassword }}
        hasRecoveryCodes={wayBackIn.held}
        itsSessions={{
          includeThisOne: removing !== null && removing.id === currentPasskeyId,
          endWhateverTheChoice: signedInWithRecoveryCode,
        }}
        onConfirm={removePasskey}
        onClose={() => setRemoving(null)}
      />
    </div>
  );
}
