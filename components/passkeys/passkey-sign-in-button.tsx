"use client";

import { browserSupportsWebAuthn } from "@simplewebauthn/browser";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import type { AuthClientError } from "@/lib/auth-messages";
import { signInWithPasskey } from "./sign-in";

type Props = {
  rpId: string;
  onStart: () => void;
  onSignedIn: () => void;
  onFailed: (error: AuthClientError) => void;
};

/** The explicit passkey ceremony: the browser shows its passkey picker (or QR code for a phone). */
export function PasskeySignInButton({ rpId, onStart, onSignedIn, onFailed }: Props) {
  const [supported, setSupported] = useState<boolean | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => setSupported(browserSupportsWebAuthn()), []);

  if (supported === false) {
    return (
      <p className="text-center text-sm text-neutral-600 dark:text-neutral-400">
        This browser can't use passkeys. Sign in with your email and password below.
      </p>
    );
  }

  async function signIn() {
    setPending(true);
    onStart();
    const { data, error } = await signInWithPasskey({ rpId });
    if (data) return onSignedIn();
    setPending(false);
    onFailed(error ?? {});
  }

  return (
    <Button onClick={signIn} pending={pending} disabled={supported === null} className="w-full">
      <KeyIcon />
      Sign in with a passkey
    </Button>
  );
}

function KeyIcon() {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-5"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
    >
      <circle cx="8" cy="15" r="4" />
      <path d="m10.85 12.15 7.65-7.65M16 7l3 3M14 9l2 2" strokeLinecap="round" />
    </svg>
  );
}
