"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { LiveRegion } from "@/components/ui/live-region";
import { Notice } from "@/components/ui/notice";
import { TextLink } from "@/components/ui/text-link";
import { routes } from "@/config/site";
import { authClient } from "@/lib/auth-client";
import { describeAuthError } from "@/lib/auth-messages";

type UndoEmailChangeProps = { token: string; oldEmail: string };

/** Gives the account its old address back and signs out every session, from the link mailed there. */
export function UndoEmailChange({ token, oldEmail }: UndoEmailChangeProps) {
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function undo() {
    setPending(true);
    setError(null);
    const { error: failure } = await authClient.emailChange.undo({ token });
    setPending(false);
    if (failure) return setError(describeAuthError(failure));
    setDone(true);
  }

  return (
    <div className="flex flex-col gap-4">
      {!done && (
        <Button onClick={undo} pending={pending}>
          Change it back and sign out everywhere
        </Button>
      )}
      <LiveRegion>
        {done && (
          <Notice tone="success">
            Your email is {oldEmail} again, and every session is signed out.{" "}
            <TextLink href={`/sign-in?next=${encodeURIComponent(routes.security)}`} tone="inherit">
              Sign in
            </TextLink>{" "}
            and check your passkeys and recovery codes.
          </Notice>
        )}
        {error && <Notice tone="error">{error}</Notice>}
      </LiveRegion>
    </div>
  );
}
