"use client";

import { browserSupportsWebAuthnAutofill, WebAuthnAbortService } from "@simplewebauthn/browser";
import { useCallback, useEffect, useRef } from "react";
import { type AuthClientError, isCeremonyCancelled } from "@/lib/auth-messages";
import { signInWithPasskey } from "./sign-in";

// The server keeps a sign-in challenge for 300 s; ask for a new one well before it expires.
const REARM_AFTER_MS = 240_000;

type Handlers = { rpId: string; onSignedIn: () => void; onError: (error: AuthClientError) => void };

/**
 * Offers the user's passkeys in the browser's autofill of the field marked
 * `autocomplete="username webauthn"` (WebAuthn conditional mediation) for as long as the page is
 * open. Starting another ceremony (the passkey button) aborts the pending autofill request by
 * itself; `suspend` keeps it from re-arming meanwhile and `resume` arms it again.
 */
export function usePasskeyAutofill(handlers: Handlers) {
  const latest = useRef(handlers);
  latest.current = handlers;
  const state = useRef({ mounted: false, suspended: false });

  const arm = useCallback(async () => {
    if (!state.current.mounted || state.current.suspended) return;
    if (!(await browserSupportsWebAuthnAutofill().catch(() => false))) return;
    const { data, error } = await signInWithPasskey({ rpId: latest.current.rpId, autoFill: true });
    if (!state.current.mounted) return;
    if (data) latest.current.onSignedIn();
    // No matching passkey, a dismissed prompt or a takeover by the button: nothing to report.
    else if (error && !isCeremonyCancelled(error)) latest.current.onError(error);
  }, []);

  useEffect(() => {
    state.current.mounted = true;
    // Deferred so that React StrictMode's mount–unmount–mount in development starts one request,
    // not two racing for the same challenge cookie.
    const start = setTimeout(arm, 0);
    const rearm = setInterval(arm, REARM_AFTER_MS);
    return () => {
      state.current.mounted = false;
      clearTimeout(start);
      clearInterval(rearm);
      WebAuthnAbortService.cancelCeremony();
    };
  }, [arm]);

  const suspend = useCallback(() => {
    state.current.suspended = true;
  }, []);
  const resume = useCallback(() => {
    state.current.suspended = false;
    void arm();
  }, [arm]);

  return { suspend, resume };
}
