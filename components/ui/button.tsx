import type { ComponentProps } from "react";
import { type ButtonVariant, buttonStyle } from "./button-style";

type ButtonProps = ComponentProps<"button"> & { variant?: ButtonVariant; pending?: boolean };

/**
 * A button that shows a busy state and cannot be pressed twice while its action runs. Busy, it stays
 * focusable (aria-disabled rather than disabled), so that focus is not lost while it waits, e.g.
 * behind a dialog that returns focus to it.
 */
export function Button({
  variant = "primary",
  pending = false,
  className = "",
  children,
  disabled,
  onClick,
  ...props
}: ButtonProps) {
  return (
    <button
      type="button"
      {...props}
      disabled={disabled}
      aria-disabled={pending || undefined}
      aria-busy={pending || undefined}
      onClick={pending ? (event) => event.preventDefault() : onClick}
      className={`${buttonStyle(variant)} disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-wait aria-disabled:opacity-60 ${className}`}
    >
      {pending && (
        <span
          aria-hidden="true"
          className="size-4 animate-spin rounded-full border-2 border-current border-r-transparent"
        />
      )}
      {children}
    </button>
  );
}
