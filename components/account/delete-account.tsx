"use client";

import { useState } from "react";
import { useStepUp } from "@/components/step-up/step-up-provider";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Form } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { site } from "@/config/site";
import { authClient } from "@/lib/auth-client";
import { describeActionFailure, type Feedback } from "@/lib/auth-messages";

/** Deletes the account once the user has typed its email, and confirmed it's them. */
export function DeleteAccount({ email }: { email: string }) {
  const withStepUp = useStepUp();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState("");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<Feedback | null>(null);
  const matches = typed.trim().toLowerCase() === email.toLowerCase();

  function close() {
    setConfirming(false);
    setTyped("");
    setError(null);
  }

  async function deleteAccount() {
    if (!matches) return;
    setPending(true);
    setError(null);
    const failure = await withStepUp(async () => (await authClient.deleteUser({})).error);
    if (failure) {
      setPending(false);
      return setError(describeActionFailure(failure));
    }
    // A full load, so that nothing of the signed-in app stays in memory.
    window.location.assign("/?account=deleted");
  }

  return (
    <>
      <Button variant="danger" className="self-start" onClick={() => setConfirming(true)}>
        Delete account…
      </Button>
      <Dialog open={confirming} onClose={close} title="Delete your account?">
        <Form onSubmit={deleteAccount} className="flex flex-col gap-4 text-sm">
          <p>
            Your passkeys stop working at once and everything {site.name} keeps about you is removed. Your
            password manager may keep offering the passkeys until you delete them there too.
          </p>
          <TextField
            label={`Type ${email} to confirm`}
            name="confirmEmail"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            required
            autoFocus
          />
          <div aria-live="polite">{error && <Notice tone={error.tone}>{error.text}</Notice>}</div>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" variant="danger" pending={pending} disabled={!matches}>
              Delete account
            </Button>
          </div>
        </Form>
      </Dialog>
    </>
  );
}
