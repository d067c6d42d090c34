"use client";

import { useRef, useState } from "react";
import type { AuthClientError } from "@/lib/auth/messages";

type Action = () => Promise<AuthClientError | null>;

const NOT_CONFIRMED: AuthClientError = {
  code: "REAUTHENTICATION_CANCELLED",
  message: "Nothing was changed: confirming it's you is needed for this.",
};

/**
 * Runs a sensitive change. When Better Auth answers SESSION_NOT_FRESH, asks the user to confirm
 * it's them (the dialog signs in again) and then runs the change once more, so the caller gets
 * the final outcome and the user never meets a dead end.
 */
export function useFreshSession() {
  const [confirming, setConfirming] = useState(false);
  const settle = useRef<(confirmed: boolean) => void>(() => {});

  async function run(action: Action): Promise<AuthClientError | null> {
    const error = await action();
    if (error?.code !== "SESSION_NOT_FRESH") return error;
    const confirmed = await new Promise<boolean>((resolve) => {
      settle.current = resolve;
      setConfirming(true);
    });
    return confirmed ? action() : NOT_CONFIRMED;
  }

  const finish = (confirmed: boolean) => {
    setConfirming(false);
    settle.current(confirmed);
  };

  return {
    run,
    dialog: { open: confirming, onConfirmed: () => finish(true), onClose: () => finish(false) },
  };
}
