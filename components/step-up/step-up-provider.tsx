"use client";

import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from "react";
import { type AuthClientError, STEP_UP_CANCELLED } from "@/lib/auth-messages";
import { StepUpDialog } from "./step-up-dialog";

/** A sensitive call: resolves to its error, or null when it succeeded. */
export type SensitiveAction = () => Promise<AuthClientError | null>;
type WithStepUp = (action: SensitiveAction) => Promise<AuthClientError | null>;

const StepUpContext = createContext<WithStepUp | null>(null);

/**
 * One step-up dialog for the signed-in area. `useStepUp()` runs a sensitive action; when the server
 * answers STEP_UP_REQUIRED, the dialog asks the user to confirm it's them (in place: the session
 * stays the same) and the action runs once more, so the caller gets the final outcome.
 */
export function StepUpProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const settle = useRef<(confirmed: boolean) => void>(() => {});

  const withStepUp = useCallback<WithStepUp>(async (action) => {
    const error = await action();
    if (error?.code !== "STEP_UP_REQUIRED") return error;
    const confirmed = await new Promise<boolean>((resolve) => {
      settle.current = resolve;
      setOpen(true);
    });
    return confirmed ? action() : STEP_UP_CANCELLED;
  }, []);

  const finish = (confirmed: boolean) => {
    setOpen(false);
    settle.current(confirmed);
  };

  return (
    <StepUpContext value={withStepUp}>
      {children}
      <StepUpDialog open={open} onConfirmed={() => finish(true)} onCancel={() => finish(false)} />
    </StepUpContext>
  );
}

/** `withStepUp(action)`, for every button that makes a sensitive change. */
export function useStepUp(): WithStepUp {
  const withStepUp = useContext(StepUpContext);
  if (!withStepUp) throw new Error("useStepUp() is only available inside <StepUpProvider>.");
  return withStepUp;
}
