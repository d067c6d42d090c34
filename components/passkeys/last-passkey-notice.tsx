import { Notice } from "@/components/ui/notice";

type Props = {
  /** No password either: the server refuses the removal (lib/passkeys/management.ts). */
  blocked: boolean;
  hasRecoveryCodes: boolean;
};

/**
 * What removing the last passkey leaves, said truthfully. A recovery code is not a way to sign in
 * that keeps working: each one gets the user in once, to add a new passkey; and there is no
 * password reset, so a forgotten password with no codes left is the end of the account.
 */
export function LastPasskeyNotice({ blocked, hasRecoveryCodes }: Props) {
  if (blocked) {
    return hasRecoveryCodes ? (
      <p>
        Your recovery codes don't change this: each one gets you in once, so that you can add a new passkey.
      </p>
    ) : null;
  }
  if (hasRecoveryCodes) {
    return (
      <Notice tone="info">
        <strong className="font-semibold">This is your last passkey.</strong> After removing it you sign in
        with your password. If you forget it, one of your recovery codes gets you back in.
      </Notice>
    );
  }
  return (
    <Notice tone="error">
      <strong className="font-semibold">This is your last passkey, and you have no recovery codes.</strong>{" "}
      After removing it you can only sign in with your password; forget it and there is no way back in.
    </Notice>
  );
}
